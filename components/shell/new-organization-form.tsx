'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createOrganizationAction } from '@/lib/actions/organizations';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

export function NewOrganizationForm() {
  const t = useTranslations('orgs');
  const tLocale = useTranslations('locale');
  const [state, action, pending] = useActionState(createOrganizationAction, null);
  const errors = state && !state.ok ? state.errors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label={t('name')} name="name" required errors={errors?.name} />
      <Field label={t('slug')} name="slug" hint={t('slugHint')} errors={errors?.slug} />
      <div className="grid grid-cols-2 gap-4">
        <Field label={t('currency')} name="currency" defaultValue="EUR" maxLength={3} errors={errors?.currency} />
        <div>
          <label htmlFor="defaultLocale" className="field-label">{t('defaultLocale')}</label>
          <select id="defaultLocale" name="defaultLocale" className="field-input" defaultValue="fr">
            <option value="fr">{tLocale('fr')}</option>
            <option value="en">{tLocale('en')}</option>
          </select>
        </div>
      </div>
      {state && !state.ok && !errors ? <FormMessage state={state} /> : null}
      <button type="submit" className="btn-primary" disabled={pending}>{t('create')}</button>
    </form>
  );
}
