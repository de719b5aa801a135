import { describe, expect, it } from 'vitest';
import { keyMessages, type KeyMessageFigures } from '@/lib/pdf/key-messages';
import { packFormat } from '@/lib/pdf/pdf-format';
import { packTranslator } from '@/lib/pdf/translator';

// The seed article's case study: cost 250 k€, churn avoided 270 k€, expansion 180 k€ ⇒ ROI 80 %.
const caseStudy: KeyMessageFigures = {
  roiPct: '80',
  gains: '450000',
  csCost: '250000',
  churnAvoided: '270000',
  expansionAttributable: '180000',
  cacSaved: '0',
  actualAnnualChurnPct: '19',
  baselineAnnualChurnPct: '28',
  nrrPct: '91.8',
};
const earlier: KeyMessageFigures = { ...caseStudy, roiPct: '62', gains: '405000', churnAvoided: '225000', nrrPct: '88' };

const spaces = (text: string) => text.replace(/[\u202F\u00A0]/g, ' ');
const en = (current: KeyMessageFigures, previous: KeyMessageFigures | null) => keyMessages(current, previous, packTranslator('en'), packFormat('en', 'EUR'));
const fr = (current: KeyMessageFigures, previous: KeyMessageFigures | null) => keyMessages(current, previous, packTranslator('fr'), packFormat('fr', 'EUR')).map(spaces);

describe('key messages of the executive summary', () => {
  it('says ROI rose and names the gain that drove it', () => {
    expect(en(caseStudy, earlier)[0]).toBe('ROI rose from 62% to 80%, driven by churn avoided.');
    expect(fr(caseStudy, earlier)[0]).toBe('Le ROI est passé de 62 % à 80 %, porté par le churn évité.');
  });

  it('blames a higher cost when ROI fell because the team cost more', () => {
    const costlier = { ...caseStudy, roiPct: '50', csCost: '300000' };
    expect(en(costlier, caseStudy)[0]).toBe('ROI fell from 80% to 50%, mainly because of a higher CS cost.');
  });

  it('names the expansion when it moved ROI most', () => {
    const moreExpansion = { ...caseStudy, roiPct: '100', gains: '500000', expansionAttributable: '230000' };
    expect(en(moreExpansion, caseStudy)[0]).toBe('ROI rose from 80% to 100%, driven by attributable expansion.');
  });

  it('says ROI held when it moved by less than half a point', () => {
    expect(en({ ...caseStudy, roiPct: '80.3' }, caseStudy)[0]).toBe('ROI held at 80.3% (previous period: 80%).');
  });

  it('states the ROI alone without a previous period, and says why when it cannot be computed', () => {
    expect(en(caseStudy, null)[0]).toBe('ROI reached 80%: €450,000 of gains for €250,000 of CS cost.');
    expect(en({ ...caseStudy, roiPct: null }, null)[0]).toBe('ROI cannot be computed for this period: no CS cost is recorded.');
  });

  it('compares churn with the baseline and gives the churn avoided in the organisation’s format', () => {
    expect(en(caseStudy, null)[1]).toBe('Annual churn stood at 19% against a baseline of 28%: €270,000 of churn avoided.');
    expect(fr(caseStudy, null)[1]).toBe('Le churn annuel s’établit à 19 % contre 28 % en référence : 270 000 € de churn évité.');
    expect(en({ ...caseStudy, actualAnnualChurnPct: '30', churnAvoided: '-60000' }, null)[1]).toBe('Annual churn (30%) was above the baseline (28%): churn avoided comes to -€60,000.');
    expect(en({ ...caseStudy, actualAnnualChurnPct: null }, null)[1]).toContain('cannot be compared');
  });

  it('words retention with the previous period when there is one', () => {
    expect(en(caseStudy, earlier)[2]).toBe('Net revenue retention went from 88% to 91.8%; attributable expansion reached €180,000.');
    expect(en(caseStudy, null)[2]).toBe('Net revenue retention stood at 91.8%; attributable expansion reached €180,000.');
    expect(en({ ...caseStudy, nrrPct: null }, null)[2]).toBe('Attributable expansion reached €180,000.');
  });

  it('always gives exactly three messages, never with a narrow no-break space the font lacks', () => {
    const messages = keyMessages(caseStudy, earlier, packTranslator('fr'), packFormat('fr', 'EUR'));
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).not.toContain('\u202F');
  });
});
