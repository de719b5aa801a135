import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

/** An invitation page signs up or accepts: the auth forms' messages. */
export default function InviteLayout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
