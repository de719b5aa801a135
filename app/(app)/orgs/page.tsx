import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireCaller } from '@/lib/auth/caller';
import { listOrganizations } from '@/lib/data/organizations';
import { NewOrganizationForm } from '@/components/shell/new-organization-form';
import { SignOutButton } from '@/components/shell/sign-out-button';

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const caller = await requireCaller('/orgs');
  const organizations = await listOrganizations(caller);
  const wantsNew = (await searchParams).new === '1';
  if (organizations.length === 1 && !wantsNew) redirect(`/orgs/${organizations[0]!.slug}`);
  const t = await getTranslations('orgs');
  const tRoles = await getTranslations('roles');
  return (
    <main className="mx-auto max-w-2xl space-y-8 px-4 py-12">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold text-slate-900">{t('chooseTitle')}</h1>
        <SignOutButton />
      </div>
      {organizations.length === 0 ? (
        <p className="text-slate-600">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {organizations.map((o) => (
            <li key={o.slug}>
              <Link href={`/orgs/${o.slug}`} className="flex items-center justify-between px-4 py-3 hover:bg-slate-50">
                <span className="font-medium text-slate-900">{o.name}</span>
                <span className="text-sm text-slate-500">{tRoles(o.role)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section className="card">
        <h2 className="mb-4 text-lg font-semibold text-slate-900">{t('createTitle')}</h2>
        <NewOrganizationForm />
      </section>
    </main>
  );
}
