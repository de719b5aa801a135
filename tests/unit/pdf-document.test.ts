import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { addMonths, METRIC_KEYS, METRIC_LABELS, type MetricKey } from '@/lib/metrics';
import type { BoardPackModel, MonthPoint, PackMetric } from '@/lib/pdf/board-pack-model';
import { renderBoardPack } from '@/lib/pdf/render-board-pack';
import { stopPdfWorker } from '@/lib/pdf/pdf-worker';

const KINDS: Partial<Record<MetricKey, PackMetric['kind']>> = { roiPct: 'percent', grrPct: 'percent', nrrPct: 'percent', grossRevenueChurnPct: 'percent', netRevenueChurnPct: 'percent', logoChurnPct: 'percent', actualAnnualChurnPct: 'percent', baselineAnnualChurnPct: 'percent' };

/** A pack without a database: 48 months and 60 cohorts, long enough for tables to span pages. */
function longModel(locale: 'en' | 'fr', organizationName: string): BoardPackModel {
  const months = Array.from({ length: 48 }, (_, i) => addMonths('2023-01', i));
  const range = Object.fromEntries(
    METRIC_KEYS.map((key) => [key, { key, label: METRIC_LABELS[key], value: KINDS[key] ? '80' : '270000', kind: KINDS[key] ?? 'money', formula: { en: `${key} = Σ inputs`, fr: `${key} = Σ entrées` } }]),
  ) as Record<MetricKey, PackMetric>;
  const point = (month: string, i: number): MonthPoint => ({
    month, status: i === 47 ? 'DRAFT' : 'CLOSED', roiPct: String(40 + (i % 7) * 10), rollingRoiPct: String(50 + i / 2), gains: String(30000 + i * 100), csCost: '20000',
    churnAvoided: '20000', expansionAttributable: '10000', cacSaved: '0', actualAnnualChurnPct: '19', baselineAnnualChurnPct: '28', rollingGrrPct: '81', rollingNrrPct: '92',
    costPerManagedClient: '130', managedClients: 150 + i, avgHealthScore: '70', timeToValueDays: '30', featureAdoptionPct: '45',
  });
  const trend = { latest: '70', previous: '69', change: '1', direction: 'up' as const };
  return {
    version: 1, locale, organization: { name: organizationName, currency: 'EUR' }, from: months[0]!, to: months.at(-1)!, generatedAt: '2026-12-03T10:00:00.000Z', preparedBy: 'Claire Martin',
    months: months.map((month, i) => ({ month, status: i === 47 ? 'DRAFT' : 'CLOSED' })), draftMonths: [months.at(-1)!], monthsMissing: [], range, previous: null, lastYear: null,
    series: months.map(point), leading: { healthScore: trend, timeToValueDays: trend, featureAdoptionPct: trend },
    cohorts: Array.from({ length: 60 }, (_, i) => ({ cohort: `C-${String(i).padStart(2, '0')}`, accounts: 10, churnedAccounts: 1, clv: '250000', realisedValueToDate: '40000' })),
    cohortFormula: { clv: { en: 'ARPA × margin ÷ churn', fr: 'ARPA × marge ÷ churn' }, realisedValueToDate: { en: 'ARPA × margin × months', fr: 'ARPA × marge × mois' } },
    settings: { baselineMode: 'MANUAL', baselineAnnualChurnPct: '28', baselineReferenceFrom: null, baselineReferenceTo: null, indirectCostMode: 'COEFFICIENT', indirectCostCoefficient: '1.3', grossMarginPct: '80', averageCac: '3000', influencedAttributionPct: '50', countChurnAvoided: true, countExpansion: true, countCacSaved: false, sameMonthChurnRule: 'EXCLUDE' },
    sources: { months: 48, firstMonth: months[0]!, lastMonth: months.at(-1)!, accounts: 600, deals: 150, churnEvents: 140, saves: 90 },
    leaderboard: null, keyMessages: ['One.', 'Two.', 'Three.'],
  };
}

async function pagesText(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text.map((page) => page.replace(/[\u202F\u00A0]/g, ' '));
}

describe('the board pack document', () => {
  it('repeats a long table’s header on every page it spans and numbers every page', async () => {
    const pages = await pagesText(await renderBoardPack(longModel('en', 'Long & <Co>')));
    const cohortPages = pages.filter((page) => page.includes('C-'));
    expect(cohortPages.length).toBeGreaterThan(1);
    for (const page of cohortPages) expect(page).toContain('Value realised to date');
    const monthPages = pages.filter((page) => /Month by month/.test(page) || /December 2026/.test(page));
    expect(monthPages.length).toBeGreaterThan(0);
    pages.slice(1).forEach((page, i) => expect(page).toContain(`Page ${i + 2} / ${pages.length}`));
    // User text is drawn as it is, never interpreted.
    expect(pages[0]).toContain('Long & <Co>');
  }, 30_000);

  it('draws French with its accents and no-break spaces', async () => {
    const pages = await pagesText(await renderBoardPack(longModel('fr', 'Société Générale d’Été « test »')));
    const all = pages.join('\n');
    expect(all).toContain('Société Générale d’Été « test »');
    expect(all).toContain('270 000 €');
    expect(all).toContain('80 %');
    expect(all).toContain('Provisoire');
  }, 30_000);
});

describe('rendering off the main thread', () => {
  it('keeps the event loop answering while a pack renders in the worker, and survives a stopped worker', async () => {
    await renderBoardPack(longModel('en', 'Warm-up')); // starts the worker
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const pdf = await renderBoardPack(longModel('en', 'Responsive'));
    const took = performance.now() - started;
    clearInterval(timer);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // On the main thread the loop would stall for the whole render; in the worker it keeps ticking.
    expect(longestGap).toBeLessThan(Math.max(took / 2, 100));

    await stopPdfWorker();
    const again = await renderBoardPack(longModel('fr', 'Après arrêt'));
    expect(again.subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000);
});
