import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

/**
 * The shared board: its client components (period picker, explanation panels, chart tables, the
 * language switch and the password form) use only these messages; the page stays lighter for
 * every board member.
 */
const BOARD_CLIENT_MESSAGES = ['common', 'locale', 'dashboard.showTable', 'dashboard.explanation', 'dashboard.period', 'sharing.board', 'validation'] as const;

export default function BoardLayout({ children }: { children: ReactNode }) {
  return <ClientMessages only={BOARD_CLIENT_MESSAGES}>{children}</ClientMessages>;
}
