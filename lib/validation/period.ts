import { z } from 'zod';
import { monthIndex } from '@/lib/metrics';

export const MAX_RANGE_MONTHS = 120;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * ?from=YYYY-MM&to=YYYY-MM, both optional (the caller picks defaults). Messages name the parameter,
 * since API clients read them.
 */
export const periodQuerySchema = z
  .object({
    from: z.string().regex(MONTH, { error: 'from must be a month written YYYY-MM, with a month from 01 to 12' }).optional(),
    to: z.string().regex(MONTH, { error: 'to must be a month written YYYY-MM, with a month from 01 to 12' }).optional(),
  })
  .superRefine((value, ctx) => {
    // zod runs this even when a field failed its regex: only compare two real months.
    if (!value.from || !value.to || !MONTH.test(value.from) || !MONTH.test(value.to)) return;
    const span = monthIndex(value.to) - monthIndex(value.from) + 1;
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
    else if (span > MAX_RANGE_MONTHS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range from ${value.from} to ${value.to} spans ${span} months; at most ${MAX_RANGE_MONTHS} are allowed` });
  });
export type PeriodQuery = z.infer<typeof periodQuerySchema>;
