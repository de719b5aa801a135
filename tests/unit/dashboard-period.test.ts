import { describe, expect, it } from 'vitest';
import { comparisonPeriod, fiscalYear, fiscalYearOf, parseDashboardView, parsePeriod, periodChoices, viewQuery } from '@/lib/dashboard/period';

const defaults = { latestMonth: '2026-11', fiscalYearStartMonth: 1 };

describe('the period in the URL', () => {
  it('reads a month, a quarter, a fiscal year and a custom range', () => {
    expect(parsePeriod('month:2026-11', 1)).toMatchObject({ kind: 'month', from: '2026-11', to: '2026-11' });
    expect(parsePeriod('quarter:2026-Q3', 1)).toMatchObject({ kind: 'quarter', from: '2026-07', to: '2026-09' });
    expect(parsePeriod('quarter:2026-Q1', 1)).toMatchObject({ from: '2026-01', to: '2026-03' });
    expect(parsePeriod('fy:2026', 1)).toMatchObject({ kind: 'fy', from: '2026-01', to: '2026-12' });
    expect(parsePeriod('range:2025-12..2026-11', 1)).toMatchObject({ kind: 'range', from: '2025-12', to: '2026-11' });
  });

  it('follows the organisation’s fiscal year start', () => {
    expect(parsePeriod('fy:2026', 7)).toMatchObject({ from: '2026-07', to: '2027-06' });
    expect(fiscalYear(2025, 4)).toEqual({ from: '2025-04', to: '2026-03' });
    expect(fiscalYearOf('2026-03', 4)).toBe(2025);
    expect(fiscalYearOf('2026-04', 4)).toBe(2026);
    expect(fiscalYearOf('2026-11', 1)).toBe(2026);
  });

  it.each([
    'month:2026-13', 'month:2026-1', 'quarter:2026-Q5', 'fy:26', 'range:2026-11..2025-12', 'range:2026-01..2026-02..2026-03',
    'range:1990-01..2026-01', 'week:2026-01', '2026-11', 'month:', '', 'range:2026-01', "month:2026-11'; DROP TABLE",
  ])('falls back to the default for %j', (raw) => {
    const view = parseDashboardView({ period: raw }, defaults);
    expect(view.period).toEqual({ kind: 'range', value: 'range:2025-12..2026-11', from: '2025-12', to: '2026-11', isDefault: true });
  });

  it('defaults to the 12 months ending with the latest logged month, compared with the 12 before', () => {
    const view = parseDashboardView({}, defaults);
    expect(view.period).toMatchObject({ from: '2025-12', to: '2026-11', isDefault: true });
    expect(view.compare).toBe('previous');
    expect(view.comparison).toEqual({ from: '2024-12', to: '2025-11' });
    expect(view.closedOnly).toBe(false);
    expect(view.grain).toBe('quarter');
  });

  it('compares with the previous period of the same length, or the same period last year', () => {
    expect(comparisonPeriod({ from: '2026-07', to: '2026-09' }, 'previous')).toEqual({ from: '2026-04', to: '2026-06' });
    expect(comparisonPeriod({ from: '2026-01', to: '2026-01' }, 'previous')).toEqual({ from: '2025-12', to: '2025-12' });
    expect(comparisonPeriod({ from: '2026-07', to: '2026-09' }, 'last-year')).toEqual({ from: '2025-07', to: '2025-09' });
    const view = parseDashboardView({ period: 'quarter:2026-Q3', compare: 'last-year', closed: '1', grain: 'year' }, defaults);
    expect(view.comparison).toEqual({ from: '2025-07', to: '2025-09' });
    expect(view.closedOnly).toBe(true);
    expect(view.grain).toBe('year');
  });

  it('ignores unknown comparisons, grains and sorts, and takes the first of repeated params', () => {
    const view = parseDashboardView({ compare: 'yesterday', grain: 'week', sort: 'x;y', period: ['month:2026-05', 'month:2026-06'] }, defaults);
    expect(view.compare).toBe('previous');
    expect(view.grain).toBe('quarter');
    expect(view.sort).toBeNull();
    expect(view.period.from).toBe('2026-05');
  });

  it('writes back a short query string that reproduces the view', () => {
    const view = parseDashboardView({ period: 'quarter:2026-Q3', compare: 'last-year' }, defaults);
    expect(viewQuery(view)).toBe('?period=quarter%3A2026-Q3&compare=last-year');
    expect(viewQuery(parseDashboardView({}, defaults))).toBe('');
    expect(viewQuery(view, { sort: 'saves:desc' })).toContain('sort=saves%3Adesc');
    const again = parseDashboardView(Object.fromEntries(new URLSearchParams(viewQuery(view))), defaults);
    expect(again.period.from).toBe('2026-07');
    expect(again.compare).toBe('last-year');
  });

  it('offers recent months, quarters and fiscal years', () => {
    const choices = periodChoices('2026-11', 4);
    expect(choices.months[0]).toBe('2026-11');
    expect(choices.months).toHaveLength(24);
    expect(choices.quarters[0]).toBe('2026-Q4');
    expect(choices.fiscalYears).toEqual([2026, 2025, 2024]);
  });
});
