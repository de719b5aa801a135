import 'server-only';
import { headers } from 'next/headers';

/** The address users reach Tenure at, for links shown to copy (invitations, board links). */
export async function appOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, '');
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
}
