import type { Role } from '@/lib/generated/prisma/enums';

export type { Role };
export const ROLES: readonly Role[] = ['OWNER', 'EDITOR', 'VIEWER'];

const RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };

/** True when `role` may do what `needed` may do (owner ⊃ editor ⊃ viewer). */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
