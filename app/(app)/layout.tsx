import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

/** The signed-in app: forms and pickers everywhere, so its client components get every message. */
export default function AppLayout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
