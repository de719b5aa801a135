import 'server-only';
import type { Tx } from '@/lib/db';
import { normalizeLabel } from '@/lib/import/normalize';

type Named = { id: string; externalId: string | null; name: string; email?: string | null };
export type Resolved = { id: string; name: string } | 'unknown' | 'ambiguous';

/** The organisation's accounts and CSMs, by external id and by name (and e-mail for CSMs). */
export class Lookups {
  private byExternalId = new Map<string, Resolved>();
  // Resolved once here, not per row: an import asks for the same few names 100 000 times.
  private byName = new Map<string, Resolved>();

  constructor(rows: Named[]) {
    const named = new Map<string, Map<string, Named>>();
    for (const row of rows) {
      if (row.externalId) this.byExternalId.set(row.externalId, { id: row.id, name: row.name });
      for (const key of [row.name, row.email].filter((k): k is string => Boolean(k))) {
        const label = normalizeLabel(key);
        const list = named.get(label) ?? new Map<string, Named>();
        list.set(row.id, row);
        named.set(label, list);
      }
    }
    for (const [label, list] of named) {
      const only = list.size === 1 ? [...list.values()][0]! : undefined;
      this.byName.set(label, only ? { id: only.id, name: only.name } : 'ambiguous');
    }
  }

  external(externalId: string): Resolved {
    return this.byExternalId.get(externalId.trim()) ?? 'unknown';
  }

  named(name: string): Resolved {
    return this.byName.get(normalizeLabel(name)) ?? 'unknown';
  }
}

export async function accountLookups(tx: Tx, organizationId: string): Promise<Lookups> {
  return new Lookups(await tx.account.findMany({ where: { organizationId }, select: { id: true, externalId: true, name: true } }));
}

export async function csmLookups(tx: Tx, organizationId: string): Promise<Lookups> {
  return new Lookups(await tx.csm.findMany({ where: { organizationId }, select: { id: true, externalId: true, name: true, email: true } }));
}
