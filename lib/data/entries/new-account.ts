import 'server-only';
import type { Principal, PrincipalAccess } from '@/lib/data/access';
import type { AccountInput } from '@/lib/validation/entries';
import { upsertAccountTx } from './accounts';
import { inTransaction, type Tx } from './shared';

/**
 * The account picker's "new account": the account and the event that needs it are written in one
 * transaction, so a refused event never leaves a stray account behind.
 */
export async function withNewAccount<T>(
  principal: Principal,
  slug: string,
  account: AccountInput | null,
  write: (tx: Tx, access: PrincipalAccess, newAccountId: string | null) => Promise<T>,
): Promise<T> {
  return inTransaction(principal, slug, 'EDITOR', async (tx, access) => {
    const created = account ? await upsertAccountTx(tx, access, account) : null;
    return write(tx, access, created?.id ?? null);
  });
}
