import type { CsvLanguage } from '@/lib/import/csv';

/** ?lang=fr|en, else the interface language. */
export function csvLanguage(url: URL, interfaceLocale: string): CsvLanguage {
  const asked = url.searchParams.get('lang');
  if (asked === 'fr' || asked === 'en') return asked;
  return interfaceLocale === 'fr' ? 'fr' : 'en';
}

export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
