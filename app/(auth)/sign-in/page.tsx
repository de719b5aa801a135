import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCaller } from '@/lib/auth/caller';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackUrl } from '@/lib/http/safe-callback-url';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signIn') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCaller()) redirect(callbackUrl);
  const t = await getTranslations('auth');
  return (
    <div className="card">
      <h1 className="mb-6 text-xl font-semibold text-slate-900">{t('signInTitle')}</h1>
      <SignInForm callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm text-slate-600">
        {t('noAccount')}{' '}
        <Link className="font-medium text-indigo-700 hover:underline" href={`/sign-up${callbackUrl !== '/orgs' ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`}>{t('signUp')}</Link>
      </p>
      <p className="mt-3 text-xs text-slate-500">{t('demoHint')}</p>
    </div>
  );
}
