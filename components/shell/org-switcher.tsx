'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

export function OrgSwitcher({ current, organizations }: { current: string; organizations: { slug: string; name: string }[] }) {
  const t = useTranslations('nav');
  const router = useRouter();
  return (
    <select
      aria-label={t('switchOrganization')}
      className="max-w-[14rem] truncate rounded-md border-slate-300 py-1 pl-2 pr-8 text-sm font-medium text-slate-800"
      value={current}
      onChange={(e) => router.push(e.target.value === '__new' ? '/orgs?new=1' : `/orgs/${e.target.value}`)}
    >
      {organizations.map((o) => (
        <option key={o.slug} value={o.slug}>{o.name}</option>
      ))}
      <option value="__new">+ {t('newOrganization')}</option>
    </select>
  );
}
