import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t('notFoundTitle')}</h1>
      <p className="mt-3 text-slate-600">{t('notFoundBody')}</p>
      <Link href="/" className="btn-primary mt-8">{t('backHome')}</Link>
    </main>
  );
}
