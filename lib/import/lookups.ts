import 'server-only';
import type { Tx } from '@/lib/db';
import { normalizeLabel } from '@/lib/import/normalize';

type Named = { id: string; externalId: string | null; name: string; email?: string | null };
export type Resolved = { id: string; name: string } | 'unknown' | 'ambiguous';

/** The organisation's accounts and CSMs, by external id and by name (and e-mail for CSMs). */
export class Lookups {
  private byExternalId = new Map<string, Named>();
  private byName = new Map<string, Named[]>();

  constructor(rows: Named[]) {
    for (const row of rows) {
      if (row.externalId) this.byExternalId.set(row.externalId, row);
      for (const key of [row.name, row.email].filter((k): k is string => Boolean(k))) {
        const list = this.byName.get(normalizeLabel(key)) ?? [];
        list.push(row);
        this.byName.set(normalizeLabel(key), list);
      }
    }
  }

  external(externalId: string): Resolved {
    const row = this.byExternalId.get(externalId.trim());
    return row ? { id: row.id, name: row.name } : 'unknown';
  }

  named(name: string): Resolved {
    const list = this.byName.get(normalizeLabel(name)) ?? [];
    const distinct = [...new Map(list.map((r) => [r.id, r])).values()];
    if (distinct.length === 0) return 'unknown';
    if (distinct.length > 1) return 'ambiguous';
    return { id: distinct[0]!.id, name: distinct[0]!.name };
  }
}

export async function accountLookups(tx: Tx, organizationId: string): Promise<Lookups> {
  return new Lookups(await tx.account.findMany({ where: { organizationId }, select: { id: true, externalId: true, name: true } }));
}

export async function csmLookups(tx: Tx, organizationId: string): Promise<Lookups> {
  return new Lookups(await tx.csm.findMany({ where: { organizationId }, select: { id: true, externalId: true, name: true, email: true } }));
}
