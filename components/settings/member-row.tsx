'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { changeRoleAction, removeMemberAction } from '@/lib/actions/members';
import { FormMessage } from '@/components/ui/form-message';

type MemberView = { membershipId: string; name: string; email: string; role: string; roleLabel: string; since: string };

export function MemberRow({ slug, member, organizationName, isSelf, canManage }: { slug: string; member: MemberView; organizationName: string; isSelf: boolean; canManage: boolean }) {
  const t = useTranslations('settings');
  const tRoles = useTranslations('roles');
  const tCommon = useTranslations('common');
  const [roleState, changeRole, changing] = useActionState(changeRoleAction.bind(null, slug), null);
  const [removeState, remove, removing] = useActionState(removeMemberAction.bind(null, slug), null);
  return (
    <tr data-testid={`member-${member.email}`}>
      <td className="py-3 pr-4">
        <div className="font-medium text-slate-900">{member.name}{isSelf && <span className="ml-1 text-slate-500">({t('you')})</span>}</div>
        <div className="text-slate-500">{member.email}</div>
      </td>
      <td className="py-3 pr-4">
        {canManage ? (
          <form action={changeRole} className="flex items-center gap-2">
            <input type="hidden" name="membershipId" value={member.membershipId} />
            <select name="role" defaultValue={member.role} aria-label={`${t('changeRole')}: ${member.email}`} className="rounded-md border-slate-300 py-1 text-sm" disabled={changing}>
              {(['OWNER', 'EDITOR', 'VIEWER'] as const).map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
            </select>
            <button type="submit" className="btn-secondary py-1" disabled={changing}>{t('changeRole')}</button>
          </form>
        ) : (
          member.roleLabel
        )}
        <div className="mt-1"><FormMessage state={roleState} /></div>
      </td>
      <td className="py-3 pr-4 text-slate-600">{member.since}</td>
      {canManage && (
        <td className="py-3">
          <form action={remove} onSubmit={(e) => { if (!window.confirm(t('confirmRemove', { name: member.name, organization: organizationName }))) e.preventDefault(); }}>
            <input type="hidden" name="membershipId" value={member.membershipId} />
            <button type="submit" className="btn-danger py-1" disabled={removing}>{tCommon('remove')}</button>
          </form>
          <div className="mt-1"><FormMessage state={removeState} /></div>
        </td>
      )}
    </tr>
  );
}
