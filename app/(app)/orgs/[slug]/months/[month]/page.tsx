import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { roleAtLeast } from '@/lib/data/roles';
import { getMonth, monthHistory, previousMonth, type MonthRow } from '@/lib/data/entries/months';
import { monthPreviewInputs } from '@/lib/data/entries/month-preview';
import { listChurnEventsPage } from '@/lib/data/entries/churn-events';
import { listDealsPage } from '@/lib/data/entries/deals';
import { entryChoices } from '@/lib/data/entries/events';
import { listSavesPage } from '@/lib/data/entries/saves';
import { formatDateTime, formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { MONTH_FIGURE_FIELDS, monthKeyField } from '@/lib/validation/entries';
import { MonthForm } from '@/components/entry/month-form';
import { MonthStatusControls } from '@/components/entry/month-status';
import { MonthHistory } from '@/components/entry/month-history';
import { MonthEvents } from '@/components/entry/month-events';

/** Stored figures as the form shows them: a French decimal comma for French readers (both parse back). */
function formValues(row: MonthRow | null, locale: Locale): Record<string, string> {
  if (!row) return {};
  const shown = (v: string | number) => (locale === 'fr' ? String(v).replace('.', ',') : String(v));
  return { ...Object.fromEntries(MONTH_FIGURE_FIELDS.map((f) => [f, row[f] === null ? '' : shown(row[f])])), notes: row.notes ?? '' };
}

export default async function MonthPage({ params, searchParams }: { params: Promise<{ slug: string; month: string }>; searchParams: Promise<{ from?: string }> }) {
  const [{ slug, month }, { from }] = await Promise.all([params, searchParams]);
  if (!monthKeyField().safeParse(month).success) notFound();
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/months/${month}`);
  const principal = access.caller;
  const [row, previous, preview, history, churn, saves, deals, choices, t, locale] = await Promise.all([
    getMonth(principal, slug, month),
    previousMonth(principal, slug, month),
    monthPreviewInputs(principal, slug, month),
    monthHistory(principal, slug, month),
    listChurnEventsPage(principal, slug, { month, limit: 500 }),
    listSavesPage(principal, slug, { month, limit: 500 }),
    listDealsPage(principal, slug, { month, limit: 500 }),
    entryChoices(principal, slug),
    getTranslations('monthEntry'),
    getLocale() as Promise<Locale>,
  ]);
  const canEdit = roleAtLeast(access.role, 'EDITOR');
  const closed = row?.status === 'CLOSED';
  const prefilled = !row && from === 'previous' && previous;
  const initial = row ? formValues(row, locale) : prefilled ? { ...formValues(previous, locale), notes: '' } : {};
  const label = formatMonth(month, locale);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href={`/orgs/${slug}/months`} className="text-sm text-indigo-700 hover:underline">← {t('back')}</Link>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">{row ? t('title', { month: label }) : t('newTitle', { month: label })}</h1>
          {row?.updatedBy && <p className="mt-1 text-sm text-slate-500">{t('lastChange', { who: row.updatedBy, when: formatDateTime(row.updatedAt, locale) })}</p>}
        </div>
        {row && canEdit && (
          <MonthStatusControls slug={slug} month={month} status={row.status} canClose={canEdit} canReopen={access.role === 'OWNER'} />
        )}
      </div>
      {closed && <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="month-closed">{t('closedBanner')}</p>}
      {!canEdit && <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('viewerNote')}</p>}
      {!row && canEdit && previous && !prefilled && (
        <p className="mb-4">
          <Link href={`/orgs/${slug}/months/${month}?from=previous`} className="btn-secondary inline-block">{t('startFromLast', { month: formatMonth(previous.month, locale) })}</Link>
        </p>
      )}
      {prefilled && <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('startedFromLast', { month: formatMonth(previous.month, locale) })}</p>}
      <MonthForm
        key={prefilled ? 'prefilled' : 'blank'}
        slug={slug}
        month={month}
        version={row?.version ?? 0}
        initial={initial}
        readOnly={!canEdit || closed}
        settings={preview.settings}
        sums={preview.sums}
        currency={access.organization.currency}
        locale={locale}
      />
      <div className="mt-10 space-y-10">
        <MonthEvents slug={slug} month={month} canEdit={canEdit && !closed} defaultPct={preview.settings.influencedAttributionPct} currency={access.organization.currency} locale={locale} churn={churn.rows} saves={saves.rows} deals={deals.rows} accounts={choices.accounts} csms={choices.csms} />
        <MonthHistory title={t('history')} empty={t('historyEmpty')} entries={history} locale={locale} />
      </div>
    </>
  );
}
