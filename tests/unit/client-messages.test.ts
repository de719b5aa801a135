import { describe, expect, it } from 'vitest';
import type { AbstractIntlMessages } from 'next-intl';
import { pickMessages } from '@/components/i18n/client-messages';
import { loadMessages } from '@/lib/i18n/messages';

describe('pickMessages', () => {
  const messages = { common: { save: 'Save', cancel: 'Cancel' }, dashboard: { showTable: 'Show', explanation: { formula: 'Formula' }, kpi: { heading: 'Headline' } }, auth: { email: 'Email' } };

  it('keeps whole namespaces and nested paths, and nothing else', () => {
    expect(pickMessages(messages, ['common', 'dashboard.explanation', 'dashboard.showTable'])).toEqual({
      common: { save: 'Save', cancel: 'Cancel' },
      dashboard: { showTable: 'Show', explanation: { formula: 'Formula' } },
    });
  });

  it('ignores paths that do not exist', () => {
    expect(pickMessages(messages, ['nope', 'common.nope', 'common.save.deeper'])).toEqual({});
  });

  it('finds every namespace the shared board hands its client components, in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const all = loadMessages(locale) as unknown as AbstractIntlMessages;
      const paths = ['common', 'locale', 'dashboard.showTable', 'dashboard.explanation', 'dashboard.period', 'sharing.board', 'validation'];
      const picked = JSON.stringify(pickMessages(all, paths));
      for (const path of paths) expect(picked, `${locale}: ${path}`).toContain(`"${path.split('.').at(-1)}":`);
    }
  });
});
