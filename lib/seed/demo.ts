import Decimal from 'decimal.js';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Attribution, DealType } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import { balancedFactors, seededRandom } from '@/lib/seed/random';
import { addMonths, dayInMonth, lastMonths, monthStart } from '@/lib/months';

/**
 * The seed article's case study as 24 months of data: ARR 3 M€, annual churn 28 % the first year
 * (before CS was organised) then 19 %, 5 CSMs costing 250 k€ a year all in (direct costs × 1.3) and
 * 180 k€ a year of expansion attributable to CS. Month-to-month variation is seeded, and totals over
 * the last 12 months are exact: churn avoided 270 k€, attributable expansion 180 k€, cost 250 k€.
 */
export const DEMO_SLUG = 'demo';
export const DEMO_EMAIL = 'demo@tenure.local';

const ARR = new Decimal(3_000_000);
const BASELINE_PCT = new Decimal(28);
const COEFFICIENT = new Decimal('1.3');
const YEARLY_COST = new Decimal(250_000);
const YEARLY_CHURN_AVOIDED = new Decimal(270_000);
const YEARLY_ATTRIBUTABLE = new Decimal(180_000);
const FIRST_YEAR_ATTRIBUTABLE = new Decimal(60_000);
const CSM_NAMES = ['Camille Durand', 'Hugo Bernard', 'Léa Petit', 'Malik Haddad', 'Sophie Laurent'];
const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise'];
const PLAYBOOKS = ['Executive business review', 'Adoption rescue', 'Renewal risk call', 'Onboarding reset'];
const CHURN_REASONS = ['Budget cut', 'Moved to a competitor', 'Company acquired', 'Low adoption', 'Project ended'];

type Rng = () => number;
const pick = <T,>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const round = (d: Decimal, step = 1) => d.div(step).toDecimalPlaces(0).mul(step);

/** Splits `total` into `parts` positive amounts (multiples of `step`, the last one takes the rest). */
function split(rng: Rng, total: Decimal, parts: number, step: number): Decimal[] {
  const weights = balancedFactors(rng, parts, 0.6);
  const amounts = weights.slice(0, -1).map((w) => round(total.mul(w).div(parts), step));
  const rest = total.minus(amounts.reduce((a, b) => a.plus(b), new Decimal(0)));
  return [...amounts, rest];
}

export type DemoResult = { organizationId: string; email: string; months: string[] };

export async function createDemoOrganization(prisma: PrismaClient, options: { password: string; today?: Date }): Promise<DemoResult> {
  const rng = seededRandom(20_26);
  const months = lastMonths(options.today ?? new Date(), 24);
  const passwordHash = await hashPassword(options.password);

  return prisma.$transaction(
    async (tx) => {
      const user = await tx.user.create({ data: { email: DEMO_EMAIL, name: 'Claire Martin', passwordHash, locale: 'fr' } });
      const org = await tx.organization.create({
        data: {
          name: 'Démo — SaaS B2B',
          slug: DEMO_SLUG,
          currency: 'EUR',
          defaultLocale: 'fr',
          fiscalYearStartMonth: 1,
          isDemo: true,
          memberships: { create: { userId: user.id, role: 'OWNER' } },
          methodSettings: {
            create: {
              baselineAnnualChurnPct: BASELINE_PCT,
              indirectCostCoefficient: COEFFICIENT,
              grossMarginPct: 80,
              averageCac: 3000,
              influencedAttributionPct: 50,
              countChurnAvoided: true,
              countExpansion: true,
              countCacSaved: false,
            },
          },
        },
      });
      const organizationId = org.id;
      const firstMonth = months[0] as string;

      const csms = await Promise.all(
        CSM_NAMES.map((name, i) =>
          tx.csm.create({
            data: {
              organizationId,
              name,
              externalId: `csm-${i + 1}`,
              email: `${name.split(' ')[0]?.toLowerCase()}@demo.tenure.local`,
              startDate: monthStart(addMonths(firstMonth, -12 - i * 3)),
            },
          }),
        ),
      );

      // The book at the start: 150 customers whose MRR adds up to ARR / 12.
      let accountCounter = 0;
      const newAccount = (startMonth: string, mrr: Decimal) => {
        accountCounter += 1;
        const csm = csms[accountCounter % csms.length]!;
        return {
          organizationId,
          externalId: `acc-${String(accountCounter).padStart(4, '0')}`,
          name: `${pick(rng, ['Atelier', 'Groupe', 'Studio', 'Maison', 'Labo', 'Cabinet'])} ${pick(rng, ['Nova', 'Orion', 'Lumen', 'Vega', 'Azur', 'Sirius', 'Alto', 'Delta'])} ${accountCounter}`,
          segment: pick(rng, SEGMENTS),
          csmId: csm.id,
          startDate: dayInMonth(startMonth, 1 + Math.floor(rng() * 27)),
          mrr,
        };
      };
      const initialMrr = split(rng, ARR.div(12), 150, 10);
      const initial = initialMrr.map((mrr) => newAccount(addMonths(firstMonth, -1 - Math.floor(rng() * 36)), mrr));
      await tx.account.createMany({ data: initial });
      const active = await tx.account.findMany({ where: { organizationId }, select: { id: true, mrr: true, csmId: true, startDate: true } });

      const costFactors = balancedFactors(rng, 12, 0.08);
      const avoidedFactors = balancedFactors(rng, 12, 0.35);
      const firstYearChurnFactors = balancedFactors(rng, 12, 0.1);
      const attributableFactors = balancedFactors(rng, 12, 0.45);
      // ARR stays a multiple of 300 so that ARR × 28 % / 12 is a whole amount and the totals are exact.
      const arrPath = months.map((_, i) => round(ARR.mul(1 + 0.006 * Math.sin(i / 1.7)), 300));
      const directYearly = YEARLY_COST.div(COEFFICIENT);

      let startArr = arrPath[0] as Decimal;
      let directSoFar = new Decimal(0);
      let avoidedSoFar = new Decimal(0);
      for (const [i, month] of months.entries()) {
        const secondYear = i >= 12;
        const k = i % 12;
        const monthlyBaseline = startArr.mul(BASELINE_PCT).div(100).div(12);

        // Costs: salaries, tools, training and other, varying but exact over each year.
        let direct = round(directYearly.div(12).mul(costFactors[k] as number), 0.01);
        if (k === 11) direct = directYearly.minus(directSoFar);
        directSoFar = k === 11 ? new Decimal(0) : directSoFar.plus(direct);
        const tools = round(direct.mul(0.09), 0.01);
        const training = round(direct.mul(0.03), 0.01);
        const other = round(direct.mul(0.02), 0.01);
        const salaries = direct.minus(tools).minus(training).minus(other);

        // Churn: the first year at the baseline rate (±), the second year 22.5 k€ a month below it.
        const avoided = k === 11 ? YEARLY_CHURN_AVOIDED.minus(avoidedSoFar) : round(YEARLY_CHURN_AVOIDED.div(12).mul(avoidedFactors[k] as number), 0.01);
        avoidedSoFar = k === 11 ? new Decimal(0) : avoidedSoFar.plus(avoided);
        const lost = secondYear ? monthlyBaseline.minus(avoided) : round(monthlyBaseline.mul(firstYearChurnFactors[k] as number), 0.01);
        const fullChurnCount = 1 + Math.floor(rng() * 2);
        const fullChurnTotal = round(lost.mul(0.7), 12);
        const fullChurns = split(rng, fullChurnTotal, fullChurnCount, 12);
        const contraction = lost.minus(fullChurnTotal);

        const churnEvents = [];
        const startCustomers = active.length;
        for (const amount of fullChurns) {
          const victim = active.splice(Math.floor(rng() * active.length), 1)[0]!;
          const date = dayInMonth(month, 3 + Math.floor(rng() * 24));
          await tx.account.update({ where: { id: victim.id }, data: { mrr: amount.div(12), churnDate: date } });
          churnEvents.push({ organizationId, accountId: victim.id, csmId: victim.csmId, date, month: monthStart(month), kind: 'FULL' as const, arrLost: amount, reason: pick(rng, CHURN_REASONS) });
        }
        for (const amount of split(rng, contraction, 2, 10)) {
          const account = pick(rng, active);
          churnEvents.push({ organizationId, accountId: account.id, csmId: account.csmId, date: dayInMonth(month, 2 + Math.floor(rng() * 26)), month: monthStart(month), kind: 'CONTRACTION' as const, arrLost: amount, reason: 'Seats reduced' });
        }
        await tx.churnEvent.createMany({ data: churnEvents });

        // Expansion: attributable ARR exact per year; not-CS deals on top.
        const attributable = (secondYear ? YEARLY_ATTRIBUTABLE : FIRST_YEAR_ATTRIBUTABLE).div(12).mul(attributableFactors[k] as number).toDecimalPlaces(2);
        const deals: { arrAdded: Decimal; attribution: Attribution; attributionPct: Decimal }[] = [];
        let remaining = attributable;
        const influencedCount = 1 + Math.floor(rng() * 2);
        for (let d = 0; d < influencedCount; d += 1) {
          const arr = round(attributable.mul(0.3 + rng() * 0.2), 100);
          deals.push({ arrAdded: arr, attribution: 'CS_INFLUENCED', attributionPct: new Decimal(50) });
          remaining = remaining.minus(arr.div(2));
        }
        if (remaining.gt(0)) deals.push({ arrAdded: remaining, attribution: 'CS_SOURCED', attributionPct: new Decimal(100) });
        deals.push({ arrAdded: round(new Decimal(4000 + rng() * 6000), 100), attribution: 'NOT_CS', attributionPct: new Decimal(0) });
        const expansionTotal = deals.reduce((s, d) => s.plus(d.arrAdded), new Decimal(0));
        await tx.expansionDeal.createMany({
          data: deals.map((deal) => {
            const account = pick(rng, active);
            return {
              organizationId, accountId: account.id, csmId: deal.attribution === 'NOT_CS' ? null : account.csmId,
              date: dayInMonth(month, 2 + Math.floor(rng() * 26)), month: monthStart(month),
              type: pick<DealType>(rng, ['UPSELL', 'CROSS_SELL', 'USAGE_GROWTH']), ...deal,
            };
          }),
        });

        // Saves: at-risk accounts retained, more of them once CS playbooks exist.
        const savesCount = secondYear ? 3 + Math.floor(rng() * 3) : Math.floor(rng() * 2);
        await tx.save.createMany({
          data: Array.from({ length: savesCount }, () => {
            const account = pick(rng, active);
            return {
              organizationId, accountId: account.id, csmId: account.csmId, date: dayInMonth(month, 2 + Math.floor(rng() * 26)), month: monthStart(month),
              arrSaved: round(account.mrr.mul(12), 0.01), playbook: pick(rng, PLAYBOOKS),
            };
          }),
        });

        // New business keeps ARR on its path; it arrives as 2 or 3 new customers.
        const nextArr = (arrPath[i + 1] ?? arrPath[i]) as Decimal;
        const newBusiness = Decimal.max(nextArr.minus(startArr).plus(lost).minus(expansionTotal), 0).toDecimalPlaces(2);
        const newcomers = split(rng, newBusiness.div(12), 2 + Math.floor(rng() * 2), 1).map((mrr) => newAccount(month, mrr));
        await tx.account.createMany({ data: newcomers });

        const progress = i / (months.length - 1);
        await tx.monthlyReport.create({
          data: {
            organizationId,
            month: monthStart(month),
            csmFte: 5,
            loadedSalaries: salaries,
            toolsCost: tools,
            trainingCost: training,
            otherDirectCost: other,
            startArr,
            startCustomers,
            newBusinessArr: newBusiness,
            managedClients: startCustomers,
            avgHealthScore: new Decimal(60 + 14 * progress + (rng() * 2 - 1) * 2).toDecimalPlaces(1),
            timeToValueDays: new Decimal(46 - 16 * progress + (rng() * 2 - 1) * 2).toDecimalPlaces(1),
            featureAdoptionPct: new Decimal(34 + 18 * progress + (rng() * 2 - 1) * 2).toDecimalPlaces(1),
            status: i === months.length - 1 ? 'DRAFT' : 'CLOSED',
            closedAt: i === months.length - 1 ? null : dayInMonth(addMonths(month, 1), 5),
            closedById: i === months.length - 1 ? null : user.id,
            updatedById: user.id,
          },
        });
        const added = await tx.account.findMany({
          where: { organizationId, externalId: { in: newcomers.map((n) => n.externalId) } },
          select: { id: true, mrr: true, csmId: true, startDate: true },
        });
        active.push(...added);
        startArr = startArr.minus(lost).plus(expansionTotal).plus(newBusiness);
      }
      return { organizationId, email: DEMO_EMAIL, months };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
