import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { BoardPasswordForm } from '@/components/board/board-password-form';
import { loadMessages } from '@/lib/i18n/messages';

// The form's server action never runs here: only the button's words are checked.
vi.mock('@/lib/actions/share-links', () => ({ unlockBoardAction: async () => null }));

function button(locale: 'en' | 'fr', snapshot: boolean): string {
  const form = createElement(BoardPasswordForm, { token: 't', snapshot });
  const html = renderToStaticMarkup(NextIntlClientProvider({ locale, timeZone: 'UTC', messages: loadMessages(locale), children: form }));
  return /<button[^>]*>([^<]*)<\/button>/.exec(html)?.[1] ?? '';
}

describe('the password form of a share link', () => {
  it('opens the dashboard for a dashboard link and the board pack for a snapshot link', () => {
    expect(button('en', false)).toBe('Open the dashboard');
    expect(button('en', true)).toBe('Open the board pack');
    expect(button('fr', false)).toBe('Ouvrir le tableau de bord');
    expect(button('fr', true)).toBe('Ouvrir le dossier du conseil');
  });
});
