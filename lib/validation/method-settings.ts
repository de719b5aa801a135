import { z } from 'zod';
import { decimalField, moneyField, percentField } from '@/lib/validation/decimal';

export const monthField = () => z.string({ error: 'month' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month' });

const checkbox = z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')]).transform((v) => v === true || v === 'on' || v === 'true');

export const methodSettingsSchema = z
  .object({
    baselineMode: z.enum(['MANUAL', 'REFERENCE_PERIOD'], { error: 'choice' }),
    baselineAnnualChurnPct: percentField(),
    baselineReferenceFrom: monthField().optional(),
    baselineReferenceTo: monthField().optional(),
    indirectCostMode: z.enum(['COEFFICIENT', 'ITEMISED'], { error: 'choice' }),
    indirectCostCoefficient: decimalField({ min: 1, max: 10, maxDecimals: 4 }),
    grossMarginPct: percentField(),
    averageCac: moneyField(),
    influencedAttributionPct: percentField(),
    countChurnAvoided: checkbox.default(false),
    countExpansion: checkbox.default(false),
    countCacSaved: checkbox.default(false),
    sameMonthChurnRule: z.enum(['COUNT', 'EXCLUDE'], { error: 'choice' }),
  })
  .superRefine((value, ctx) => {
    if (value.baselineMode !== 'REFERENCE_PERIOD') return;
    if (!value.baselineReferenceFrom) ctx.addIssue({ code: 'custom', path: ['baselineReferenceFrom'], message: 'required' });
    if (!value.baselineReferenceTo) ctx.addIssue({ code: 'custom', path: ['baselineReferenceTo'], message: 'required' });
    if (value.baselineReferenceFrom && value.baselineReferenceTo && value.baselineReferenceFrom > value.baselineReferenceTo) {
      ctx.addIssue({ code: 'custom', path: ['baselineReferenceTo'], message: 'monthOrder' });
    }
  });
export type MethodSettingsInput = z.infer<typeof methodSettingsSchema>;
