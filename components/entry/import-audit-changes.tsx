import { useTranslations } from 'next-intl';
import { importAuditCounts, importAuditRows, type ImportAuditBody } from '@/lib/audit/import-entry';
import { AuditChanges } from './audit-changes';

/**
 * An import's grouped entry: how many rows it created and updated, then the first rows (the page
 * reads only those) with their values, or their changes before → after.
 */
export function ImportAuditChanges({ before, after }: { before: unknown; after: ImportAuditBody }) {
  const t = useTranslations('auditLog');
  const { created, updated } = importAuditCounts(after);
  const rows = importAuditRows(before, after);
  const hidden = created + updated - rows.length;
  return (
    <details className="mt-1 text-xs text-slate-600" data-testid="import-audit">
      <summary className="cursor-pointer text-slate-700">{t('importRows', { created, updated })}</summary>
      <ol className="mt-1 space-y-1">
        {rows.map((row) => (
          <li key={row.id}>
            <span className="font-medium text-slate-700">{row.after.externalId ?? row.after.name ?? row.id}</span>{' '}
            <span className="text-slate-500">({row.before ? t('updatedRow') : t('createdRow')})</span>
            <AuditChanges before={row.before} after={row.after} />
          </li>
        ))}
      </ol>
      {hidden > 0 && <p className="mt-1 italic">{t('importMore', { count: hidden })}</p>}
    </details>
  );
}
