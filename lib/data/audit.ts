import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AuditActor = { userId?: string; tokenId?: string; label: string };

export type AuditRecord = {
  organizationId: string;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  month?: Date | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

// JSON-safe copy: Decimals and Dates become strings, so the log shows exactly what was stored.
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Writes an audit entry inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      organizationId: record.organizationId,
      actorUserId: record.actor.userId ?? null,
      actorTokenId: record.actor.tokenId ?? null,
      actorLabel: record.actor.label,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      month: record.month ?? null,
      before: snapshot(record.before),
      after: snapshot(record.after),
      reason: record.reason ?? null,
    },
  });
}

export function actorOf(caller: { userId: string; email: string }): AuditActor {
  return { userId: caller.userId, label: caller.email };
}
