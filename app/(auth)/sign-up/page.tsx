import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCaller } from '@/lib/auth/caller';
import { SignUpForm } from '@/components/auth/sign-up-form';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signUp') };
}

export default async function SignUpPage() {
  if (await getCaller()) redirect('/orgs');
  const t = await getTranslations('auth');
  return (
    <div className="card">
      <h1 className="mb-6 text-xl font-semibold text-slate-900">{t('signUpTitle')}</h1>
      <SignUpForm />
      <p className="mt-6 text-sm text-slate-600">
        {t('haveAccount')}{' '}
        <Link className="font-medium text-indigo-700 hover:underline" href="/sign-in">{t('signIn')}</Link>
      </p>
    </div>
  );
}
