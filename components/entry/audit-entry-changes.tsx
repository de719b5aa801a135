import { isImportAudit } from '@/lib/audit/import-entry';
import { AuditChanges } from './audit-changes';
import { ImportAuditChanges } from './import-audit-changes';

/** An audit entry's changes: an import's grouped rows, or one change's fields. */
export function AuditEntryChanges({ action, before, after }: { action: string; before: unknown; after: unknown }) {
  return isImportAudit(action, after) ? <ImportAuditChanges before={before} after={after} /> : <AuditChanges before={before} after={after} />;
}
