import { getTranslations } from 'next-intl/server';
import type { ChurnEventRow } from '@/lib/data/entries/churn-events';
import type { DealRow } from '@/lib/data/entries/deals';
import type { SaveRow } from '@/lib/data/entries/saves';
import { formatDate, formatMoney, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { Choice } from './account-picker';
import { EventSection } from './event-section';

const day = (d: string, locale: Locale) => formatDate(new Date(`${d}T00:00:00Z`), locale);

/** The month's three event lists, with their cells formatted on the server. */
export async function MonthEvents({ slug, month, canEdit, defaultPct, currency, locale, churn, saves, deals, accounts, csms }: {
  slug: string; month: string; canEdit: boolean; defaultPct: string; currency: string; locale: Locale;
  churn: ChurnEventRow[]; saves: SaveRow[]; deals: DealRow[]; accounts: Choice[]; csms: Choice[];
}) {
  const t = await getTranslations('eventEntry');
  const money = (v: string) => formatMoney(v, currency, locale, { decimals: 0 });
  const common = { slug, month, accounts, csms, defaultPct, canEdit };
  return (
    <>
      <EventSection
        {...common}
        kind="churn" title={t('churnTitle')} empty={t('churnEmpty')} addLabel={t('addChurn')}
        headers={[t('account'), t('date'), t('kind'), t('arrLost'), t('reason')]}
        rows={churn.map((r) => ({ ...r, cells: [r.accountName, day(r.date, locale), t(r.kind), money(r.arrLost), r.reason ?? '—'] }))}
      />
      <EventSection
        {...common}
        kind="save" title={t('savesTitle')} empty={t('savesEmpty')} addLabel={t('addSave')}
        headers={[t('account'), t('date'), t('csm'), t('arrSaved'), t('playbook')]}
        rows={saves.map((r) => ({ ...r, cells: [r.accountName, day(r.date, locale), r.csmName ?? '—', money(r.arrSaved), r.playbook ?? '—'] }))}
      />
      <EventSection
        {...common}
        kind="deal" title={t('dealsTitle')} empty={t('dealsEmpty')} addLabel={t('addDeal')}
        headers={[t('account'), t('date'), t('type'), t('arrAdded'), t('attribution')]}
        rows={deals.map((r) => ({
          ...r,
          cells: [r.accountName, day(r.date, locale), t(r.type), money(r.arrAdded), r.attribution === 'CS_INFLUENCED' ? `${t('CS_INFLUENCED')} · ${formatPercent(r.attributionPct, locale, 2)}` : t(r.attribution)],
        }))}
      />
    </>
  );
}
