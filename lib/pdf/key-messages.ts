import Decimal from 'decimal.js';
import type { Figure } from './board-pack-model';
import type { PackFormat } from './pdf-format';

/** The figures the key messages are worded from (decimal strings, null when undefined). */
export type KeyMessageFigures = {
  roiPct: Figure;
  gains: Figure;
  csCost: Figure;
  churnAvoided: Figure;
  expansionAttributable: Figure;
  cacSaved: Figure;
  actualAnnualChurnPct: Figure;
  baselineAnnualChurnPct: Figure;
  nrrPct: Figure;
};

export type Translate = (key: string, values?: Record<string, string | number>) => string;

const GAIN_PARTS = ['churnAvoided', 'expansionAttributable', 'cacSaved'] as const;
type Driver = (typeof GAIN_PARTS)[number] | 'csCost';

/** Below half a point, an ROI is said to hold rather than rise or fall. */
const STEADY_POINTS = new Decimal('0.5');

const dec = (value: Figure) => (value === null ? null : new Decimal(value));

/**
 * What moved ROI most: each gain's change, and the cost's change with its sign turned (a lower cost
 * raises ROI). Rising ⇒ the largest positive contribution, falling ⇒ the largest negative one.
 */
function mainDriver(current: KeyMessageFigures, previous: KeyMessageFigures, rising: boolean): Driver {
  const contributions: [Driver, Decimal][] = GAIN_PARTS.map((part) => [part, (dec(current[part]) ?? new Decimal(0)).minus(dec(previous[part]) ?? 0)]);
  contributions.push(['csCost', (dec(previous.csCost) ?? new Decimal(0)).minus(dec(current.csCost) ?? 0)]);
  const sorted = contributions.sort((a, b) => (rising ? b[1].comparedTo(a[1]) : a[1].comparedTo(b[1])));
  return sorted[0]![0];
}

function roiMessage(current: KeyMessageFigures, previous: KeyMessageFigures | null, t: Translate, f: PackFormat): string {
  const roi = dec(current.roiPct);
  if (roi === null) return t('keyMessages.roiUndefined');
  const before = previous ? dec(previous.roiPct) : null;
  if (previous === null || before === null) {
    return t('keyMessages.roiOnly', { roi: f.pct(current.roiPct), gains: f.money(current.gains), cost: f.money(current.csCost) });
  }
  const change = roi.minus(before);
  const values = { from: f.pct(previous.roiPct), to: f.pct(current.roiPct) };
  if (change.abs().lt(STEADY_POINTS)) return t('keyMessages.roiHeld', values);
  const rising = change.isPositive();
  const driver = mainDriver(current, previous, rising);
  return rising
    ? t('keyMessages.roiRose', { ...values, driver: t(`keyMessages.driverUp.${driver}`) })
    : t('keyMessages.roiFell', { ...values, driver: t(`keyMessages.driverDown.${driver}`) });
}

function churnMessage(current: KeyMessageFigures, t: Translate, f: PackFormat): string {
  const actual = dec(current.actualAnnualChurnPct);
  const baseline = dec(current.baselineAnnualChurnPct);
  if (actual === null || baseline === null) return t('keyMessages.churnUnknown');
  const values = { actual: f.pct(current.actualAnnualChurnPct), baseline: f.pct(current.baselineAnnualChurnPct) };
  if (actual.gte(baseline)) return t('keyMessages.churnAbove', { ...values, avoided: f.money(current.churnAvoided) });
  return t('keyMessages.churnBelow', { ...values, avoided: f.money(current.churnAvoided) });
}

function retentionMessage(current: KeyMessageFigures, previous: KeyMessageFigures | null, t: Translate, f: PackFormat): string {
  const expansion = f.money(current.expansionAttributable);
  if (current.nrrPct === null) return t('keyMessages.expansionOnly', { expansion });
  if (previous?.nrrPct) return t('keyMessages.nrrChange', { from: f.pct(previous.nrrPct), to: f.pct(current.nrrPct), expansion });
  return t('keyMessages.nrrOnly', { nrr: f.pct(current.nrrPct), expansion });
}

/**
 * The three sentences of the executive summary, worded from the figures: ROI and what drove it,
 * churn against the baseline, then retention and expansion. Pure: same figures, same sentences.
 */
export function keyMessages(current: KeyMessageFigures, previous: KeyMessageFigures | null, t: Translate, format: PackFormat): [string, string, string] {
  return [roiMessage(current, previous, t, format), churnMessage(current, t, format), retentionMessage(current, previous, t, format)];
}
