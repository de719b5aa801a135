import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { auditActors, listAuditEntries } from '@/lib/data/audit-log';
import { isUuid } from '@/lib/data/entries/shared';
import { formatDateTime, formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { monthKeyField } from '@/lib/validation/entries';
import { PageHeader } from '@/components/ui/page-header';
import { AuditEntryChanges } from '@/components/entry/audit-entry-changes';

/** Owners only: every change, filterable by month and by person (filters live in the URL). */
export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ month?: string; person?: string; cursor?: string }> }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const access = await pageAccess(slug, 'OWNER', `/orgs/${slug}/audit`);
  const month = query.month && monthKeyField().safeParse(query.month).success ? query.month : undefined;
  const person = query.person && isUuid(query.person) ? query.person : undefined;
  const cursor = query.cursor && isUuid(query.cursor) ? query.cursor : undefined;
  const [page, people, t, locale] = await Promise.all([
    listAuditEntries(access.caller, slug, { month, actorUserId: person, cursor, limit: 50 }),
    auditActors(access.caller, slug),
    getTranslations('auditLog'),
    getLocale() as Promise<Locale>,
  ]);
  const filters = new URLSearchParams({ ...(month ? { month } : {}), ...(person ? { person } : {}) });
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <form className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" role="search">
        <div>
          <label htmlFor="audit-month" className="field-label">{t('month')}</label>
          <input id="audit-month" name="month" type="month" defaultValue={month ?? ''} className="field-input" />
        </div>
        <div>
          <label htmlFor="audit-person" className="field-label">{t('person')}</label>
          <select id="audit-person" name="person" defaultValue={person ?? ''} className="field-input">
            <option value="">{t('everyone')}</option>
            {people.map((p) => <option key={p.userId} value={p.userId}>{p.name}</option>)}
          </select>
        </div>
        <button type="submit" className="btn-primary">{t('filter')}</button>
        {(month || person) && <Link href={`/orgs/${slug}/audit`} className="btn-secondary">{t('clear')}</Link>}
      </form>
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="audit-log">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t('when')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('who')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('what')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('month')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('changes')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {page.rows.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-4 py-2 text-slate-500">{formatDateTime(e.createdAt, locale)}</td>
                  <td className="px-4 py-2 font-medium">{e.actor}</td>
                  <td className="px-4 py-2"><code className="text-xs text-indigo-800">{e.action}</code></td>
                  <td className="whitespace-nowrap px-4 py-2 capitalize">{e.month ? <Link href={`/orgs/${slug}/months/${e.month}`} className="text-indigo-700 hover:underline">{formatMonth(e.month, locale, 'short')}</Link> : '—'}</td>
                  <td className="px-4 py-2">
                    {e.reason && <p className="text-xs italic text-slate-700">{t('reason', { reason: e.reason })}</p>}
                    <AuditEntryChanges action={e.action} before={e.before} after={e.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3 flex gap-4 text-sm">
        {cursor && <Link href={`/orgs/${slug}/audit?${filters}`} className="text-indigo-700 hover:underline">{t('newest')}</Link>}
        {page.nextCursor && <Link href={`/orgs/${slug}/audit?${new URLSearchParams({ ...Object.fromEntries(filters), cursor: page.nextCursor })}`} className="text-indigo-700 hover:underline">{t('older')}</Link>}
      </div>
    </>
  );
}
