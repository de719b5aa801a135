import 'server-only';
import Decimal from 'decimal.js';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { orgAccess } from '@/lib/data/access';
import { actorOf, recordAudit } from '@/lib/data/audit';
import type { MethodSettings } from '@/lib/metrics';
import type { MethodSettingsInput } from '@/lib/validation/method-settings';
import { monthKey } from '@/lib/months';

/** The stored method, as the settings form shows it (rates in percent, months as 'YYYY-MM'). */
export type StoredMethodSettings = {
  baselineMode: 'MANUAL' | 'REFERENCE_PERIOD';
  baselineAnnualChurnPct: string;
  baselineReferenceFrom: string | null;
  baselineReferenceTo: string | null;
  indirectCostMode: 'COEFFICIENT' | 'ITEMISED';
  indirectCostCoefficient: string;
  grossMarginPct: string;
  averageCac: string;
  influencedAttributionPct: string;
  countChurnAvoided: boolean;
  countExpansion: boolean;
  countCacSaved: boolean;
  sameMonthChurnRule: 'COUNT' | 'EXCLUDE';
  updatedAt: Date;
};

export async function readMethodSettings(organizationId: string): Promise<StoredMethodSettings> {
  const row = await db().methodSettings.upsert({ where: { organizationId }, create: { organizationId }, update: {} });
  return {
    baselineMode: row.baselineMode,
    baselineAnnualChurnPct: row.baselineAnnualChurnPct.toString(),
    baselineReferenceFrom: row.baselineReferenceFrom ? monthKey(row.baselineReferenceFrom) : null,
    baselineReferenceTo: row.baselineReferenceTo ? monthKey(row.baselineReferenceTo) : null,
    indirectCostMode: row.indirectCostMode,
    indirectCostCoefficient: row.indirectCostCoefficient.toString(),
    grossMarginPct: row.grossMarginPct.toString(),
    averageCac: row.averageCac.toString(),
    influencedAttributionPct: row.influencedAttributionPct.toString(),
    countChurnAvoided: row.countChurnAvoided,
    countExpansion: row.countExpansion,
    countCacSaved: row.countCacSaved,
    sameMonthChurnRule: row.sameMonthChurnRule,
    updatedAt: row.updatedAt,
  };
}

/** The engine's settings; the baseline is resolved by the caller when it comes from a reference period. */
export function engineSettings(stored: StoredMethodSettings, baselineAnnualChurnPct: Decimal): MethodSettings {
  return {
    baselineAnnualChurnPct,
    indirectCostMode: stored.indirectCostMode,
    indirectCostCoefficient: new Decimal(stored.indirectCostCoefficient),
    grossMarginPct: new Decimal(stored.grossMarginPct),
    averageCac: new Decimal(stored.averageCac),
    influencedAttributionPct: new Decimal(stored.influencedAttributionPct),
    countChurnAvoided: stored.countChurnAvoided,
    countExpansion: stored.countExpansion,
    countCacSaved: stored.countCacSaved,
    sameMonthChurnRule: stored.sameMonthChurnRule,
  };
}

export async function getMethodSettings(caller: Caller, slug: string): Promise<StoredMethodSettings> {
  const { organization } = await orgAccess(caller, slug, 'VIEWER');
  return readMethodSettings(organization.id);
}

/** Owners change the method; the audit log keeps the values before and after. */
export async function updateMethodSettings(caller: Caller, slug: string, input: MethodSettingsInput): Promise<void> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  const before = await readMethodSettings(organization.id);
  const toDate = (month: string | undefined) => (month ? new Date(`${month}-01T00:00:00Z`) : null);
  await db().$transaction(async (tx) => {
    await tx.methodSettings.update({
      where: { organizationId: organization.id },
      data: {
        ...input,
        baselineReferenceFrom: toDate(input.baselineReferenceFrom),
        baselineReferenceTo: toDate(input.baselineReferenceTo),
        updatedById: caller.userId,
      },
    });
    const { updatedAt: _ignored, ...previous } = before;
    await recordAudit(tx, {
      organizationId: organization.id,
      actor: actorOf(caller),
      action: 'settings.method',
      entityType: 'MethodSettings',
      entityId: organization.id,
      before: previous,
      after: input,
    });
  });
}
