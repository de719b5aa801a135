import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { listOrganizations } from '@/lib/data/organizations';
import { OrgSwitcher } from '@/components/shell/org-switcher';
import { NavLinks } from '@/components/shell/nav-links';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
import { SignOutButton } from '@/components/shell/sign-out-button';

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const [organizations, t, tRoles, locale] = await Promise.all([
    listOrganizations(access.caller),
    getTranslations('nav'),
    getTranslations('roles'),
    getLocale(),
  ]);
  const base = `/orgs/${slug}`;
  const links = [
    { href: base, label: t('dashboard'), exact: true },
    { href: `${base}/months`, label: t('months') },
    { href: `${base}/accounts`, label: t('accounts') },
    { href: `${base}/deals`, label: t('deals') },
    { href: `${base}/team`, label: t('team') },
    { href: `${base}/board-packs`, label: t('boardPacks') },
    ...(access.role !== 'VIEWER' ? [{ href: `${base}/import`, label: t('import') }] : []),
    ...(access.role === 'OWNER' ? [{ href: `${base}/sharing`, label: t('sharing') }] : []),
    { href: `${base}/settings`, label: t('settings') },
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 pt-3 sm:px-6">
          <a href={base} className="text-lg font-semibold text-indigo-700">Tenure</a>
          <span aria-hidden className="text-slate-300">/</span>
          <OrgSwitcher current={slug} organizations={organizations} />
          <span data-testid="organization-name" className="sr-only">{access.organization.name}</span>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600" data-testid="current-role">
            {tRoles(access.role)}{access.role === 'VIEWER' ? ` · ${t('readOnly')}` : ''}
          </span>
          <div className="ml-auto flex items-center gap-4">
            <span className="hidden text-sm text-slate-500 sm:inline">{access.caller.email}</span>
            <LocaleSwitcher current={locale} />
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 sm:px-6">
          <NavLinks links={links} label={t('mainNavigation')} />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
