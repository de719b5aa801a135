import { z } from 'zod';
import { decimalField, moneyField, parseLocalisedDecimal, percentField } from '@/lib/validation/decimal';
import { multiLineText, singleLineText } from '@/lib/validation/text';

// One set of schemas for the entry forms, the CSV import and the REST API. Messages are i18n keys
// under "validation."; every input may arrive as a string (forms, CSV) or as JSON numbers (API).

/** Blank form fields and CSV cells mean "not given". */
const blank = (value: unknown) => (value === '' || value === null ? undefined : typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An optional field: blank ⇒ undefined, otherwise validated by `schema`. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blank, schema.optional());
}

/** True when 'YYYY-MM-DD' names a day that exists (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const dateField = () =>
  z.string({ error: 'date' }).trim().refine(isCalendarDate, { error: 'date' });

export const monthKeyField = () =>
  // Year 0000 does not exist (PostgreSQL refuses it): years 1000 to 9999.
  z.string({ error: 'month' }).trim().regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, { error: 'month' });

/** A whole number ≥ 0, typed ("1 234") or sent as a JSON number. */
export const countField = () =>
  z.union([z.number(), z.string()], { error: 'integer' }).transform((value, ctx) => {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : null) : parseLocalisedDecimal(value);
    if (text === null || !/^-?\d+$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'integer' });
      return z.NEVER;
    }
    const n = Number(text);
    if (n < 0) {
      ctx.addIssue({ code: 'custom', message: 'negative' });
      return z.NEVER;
    }
    if (n > 2_000_000_000) {
      ctx.addIssue({ code: 'custom', message: 'tooLarge' });
      return z.NEVER;
    }
    return n;
  });

/** Money that must be strictly positive (an event of 0 € is not an event). */
const positiveMoneyField = () =>
  moneyField().refine((value) => Number(value) > 0, { error: 'positive' });

const text = (max: number) => singleLineText(max);
const uuid = () => z.string({ error: 'reference' }).trim().pipe(z.uuid({ error: 'reference' }));
const externalId = () => optional(text(200));

export const monthInputSchema = z.object({
  month: monthKeyField(),
  csmFte: decimalField({ min: 0, max: 9_999_999, maxDecimals: 2 }),
  loadedSalaries: moneyField(),
  toolsCost: moneyField(),
  trainingCost: moneyField(),
  otherDirectCost: moneyField(),
  indirectManagementCost: moneyField(),
  indirectInfrastructureCost: moneyField(),
  indirectRecruitingCost: moneyField(),
  startArr: moneyField(),
  newBusinessArr: moneyField(),
  startCustomers: countField(),
  managedClients: countField(),
  avgHealthScore: optional(decimalField({ min: 0, max: 100, maxDecimals: 2 })),
  timeToValueDays: optional(decimalField({ min: 0, max: 99_999, maxDecimals: 2 })),
  featureAdoptionPct: optional(percentField()),
  notes: optional(multiLineText(5000)),
  version: optional(countField()),
});
export type MonthInput = z.infer<typeof monthInputSchema>;

/** The figures of a month, in form order (without month, notes and version). */
export const MONTH_FIGURE_FIELDS = [
  'csmFte', 'loadedSalaries', 'toolsCost', 'trainingCost', 'otherDirectCost',
  'indirectManagementCost', 'indirectInfrastructureCost', 'indirectRecruitingCost',
  'startArr', 'newBusinessArr', 'startCustomers', 'managedClients',
  'avgHealthScore', 'timeToValueDays', 'featureAdoptionPct',
] as const;
export type MonthFigureField = (typeof MONTH_FIGURE_FIELDS)[number];

export const csmInputSchema = z
  .object({
    externalId: externalId(),
    name: text(200),
    email: optional(z.string().trim().max(254, { error: 'tooLong' }).pipe(z.email({ error: 'email' }))),
    startDate: dateField(),
    endDate: optional(dateField()),
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { path: ['endDate'], error: 'dateOrder' });
export type CsmInput = z.infer<typeof csmInputSchema>;

/** A reference to an account or a CSM: our id, or the id it has in the sender's system. */
const csmRef = { csmId: optional(uuid()), csmExternalId: optional(text(200)) };
const accountRef = { accountId: optional(uuid()), accountExternalId: optional(text(200)) };
const requireAccount = (v: { accountId?: string; accountExternalId?: string }) => Boolean(v.accountId || v.accountExternalId);

export const accountInputSchema = z
  .object({
    externalId: externalId(),
    name: text(200),
    segment: optional(text(100)),
    ...csmRef,
    startDate: dateField(),
    mrr: moneyField(),
    churnDate: optional(dateField()),
  })
  .refine((v) => !v.churnDate || v.churnDate >= v.startDate, { path: ['churnDate'], error: 'dateOrder' });
export type AccountInput = z.infer<typeof accountInputSchema>;

export const CHURN_KINDS = ['FULL', 'CONTRACTION'] as const;
export const churnEventInputSchema = z
  .object({
    externalId: externalId(),
    ...accountRef,
    ...csmRef,
    date: dateField(),
    kind: z.enum(CHURN_KINDS, { error: 'choice' }),
    arrLost: positiveMoneyField(),
    reason: optional(text(1000)),
  })
  .refine(requireAccount, { path: ['accountId'], error: 'accountRequired' });
export type ChurnEventInput = z.infer<typeof churnEventInputSchema>;

export const saveInputSchema = z
  .object({
    externalId: externalId(),
    ...accountRef,
    ...csmRef,
    date: dateField(),
    arrSaved: positiveMoneyField(),
    playbook: optional(text(200)),
  })
  .refine(requireAccount, { path: ['accountId'], error: 'accountRequired' });
export type SaveInput = z.infer<typeof saveInputSchema>;

export const DEAL_TYPES = ['UPSELL', 'CROSS_SELL', 'USAGE_GROWTH'] as const;
export const ATTRIBUTIONS = ['CS_SOURCED', 'CS_INFLUENCED', 'NOT_CS'] as const;
export const dealInputSchema = z
  .object({
    externalId: externalId(),
    ...accountRef,
    ...csmRef,
    date: dateField(),
    type: z.enum(DEAL_TYPES, { error: 'choice' }),
    arrAdded: positiveMoneyField(),
    attribution: z.enum(ATTRIBUTIONS, { error: 'choice' }),
    /** Only used for CS_INFLUENCED; blank ⇒ the organisation's default share. */
    attributionPct: optional(percentField()),
  })
  .refine(requireAccount, { path: ['accountId'], error: 'accountRequired' });
export type DealInput = z.infer<typeof dealInputSchema>;

/** The share of a deal counted as CS's: forced for sourced / not CS, chosen or defaulted for influenced. */
export function dealAttributionPct(input: Pick<DealInput, 'attribution' | 'attributionPct'>, organizationDefaultPct: string): string {
  if (input.attribution === 'CS_SOURCED') return '100';
  if (input.attribution === 'NOT_CS') return '0';
  return input.attributionPct ?? organizationDefaultPct;
}

/** An owner reopening a closed month says why. */
export const reopenInputSchema = z.object({ month: monthKeyField(), reason: multiLineText(1000) });
export type ReopenInput = z.infer<typeof reopenInputSchema>;

/** Page requests of the list functions. */
export const pageRequestSchema = z.object({
  cursor: optional(z.string().trim().max(200)),
  limit: optional(countField()).transform((v) => Math.min(Math.max(v ?? 50, 1), 500)),
  month: optional(monthKeyField()),
});
export type PageRequest = z.input<typeof pageRequestSchema>;
