import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { isUuid } from '@/lib/data/entries/shared';
import { roleAtLeast } from '@/lib/data/roles';
import { listAccountsPage } from '@/lib/data/entries/accounts';
import { entryChoices } from '@/lib/data/entries/events';
import { formatDate, formatMoney } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { PageHeader } from '@/components/ui/page-header';
import { AccountRows } from '@/components/entry/editable-rows';

const day = (d: string, locale: Locale) => formatDate(new Date(`${d}T00:00:00Z`), locale);

export default async function AccountsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string; q?: string }> }) {
  const [{ slug }, { cursor: rawCursor, q }] = await Promise.all([params, searchParams]);
  const cursor = rawCursor && isUuid(rawCursor) ? rawCursor : undefined;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/accounts`);
  const search = q?.trim() || undefined;
  const [page, choices, t, locale] = await Promise.all([
    listAccountsPage(access.caller, slug, { limit: 100, cursor, search }),
    entryChoices(access.caller, slug),
    getTranslations('accounts'),
    getLocale() as Promise<Locale>,
  ]);
  const currency = access.organization.currency;
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <form className="mb-4 flex gap-2" role="search">
        <label htmlFor="account-search" className="sr-only">{t('search')}</label>
        <input id="account-search" name="q" defaultValue={search ?? ''} placeholder={t('search')} className="field-input mt-0 max-w-xs" />
        <button type="submit" className="btn-secondary">{t('searchButton')}</button>
      </form>
      {page.rows.length === 0 && !roleAtLeast(access.role, 'EDITOR') ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t('empty')}</p>
      ) : (
        <AccountRows
          slug={slug}
          caption={t('title')}
          addLabel={t('add')}
          canEdit={roleAtLeast(access.role, 'EDITOR')}
          csms={choices.csms}
          headers={[{ label: t('name') }, { label: t('segment') }, { label: t('csm') }, { label: t('startDate') }, { label: t('mrr'), numeric: true }, { label: t('churnDate') }]}
          rows={page.rows.map((a) => ({
            ...a,
            cells: [<span key="n" className="font-medium">{a.name}</span>, a.segment ?? '—', a.csmName ?? '—', day(a.startDate, locale), formatMoney(a.mrr, currency, locale), a.churnDate ? day(a.churnDate, locale) : '—'],
          }))}
        />
      )}
      <div className="mt-3 flex gap-4 text-sm">
        {cursor && <Link href={`/orgs/${slug}/accounts${search ? `?q=${encodeURIComponent(search)}` : ''}`} className="text-indigo-700 hover:underline">{t('first')}</Link>}
        {page.nextCursor && <Link href={`/orgs/${slug}/accounts?cursor=${page.nextCursor}${search ? `&q=${encodeURIComponent(search)}` : ''}`} className="text-indigo-700 hover:underline">{t('older')}</Link>}
      </div>
    </>
  );
}
