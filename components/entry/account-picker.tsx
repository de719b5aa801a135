'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';

export type Choice = { id: string; name: string };

/** Pick an existing account, or type a new one's name: it is created with the event, in one go. */
export function AccountPicker({ idPrefix, accounts, defaultAccountId, errors, nameErrors }: { idPrefix: string; accounts: Choice[]; defaultAccountId?: string; errors?: string[]; nameErrors?: string[] }) {
  const t = useTranslations('eventEntry');
  const [value, setValue] = useState(defaultAccountId ?? '');
  return (
    <div className="space-y-2">
      <div>
        <label htmlFor={`${idPrefix}-account`} className="field-label">{t('account')}</label>
        <select id={`${idPrefix}-account`} name="accountId" className="field-input" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={errors ? true : undefined}>
          <option value="">{t('chooseAccount')}</option>
          <option value="__new__">{t('createAccount')}</option>
          {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        {errors && <p className="field-error" role="alert">{errors.join(' ')}</p>}
      </div>
      {value === '__new__' && (
        <div>
          <label htmlFor={`${idPrefix}-new-account`} className="field-label">{t('newAccountName')}</label>
          <input id={`${idPrefix}-new-account`} name="newAccountName" className="field-input" autoFocus aria-invalid={nameErrors ? true : undefined} />
          {nameErrors && <p className="field-error" role="alert">{nameErrors.join(' ')}</p>}
        </div>
      )}
    </div>
  );
}
