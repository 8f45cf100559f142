// The audit trail of coordinators' actions: who, when, what, to which record, before → after.
import type { Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { AuditAction, AuditSubjectType } from './auditActions.ts';

export type { AuditAction, AuditSubjectType } from './auditActions.ts';

export interface Actor {
  id: string;
  email: string;
}

export interface AuditEntry {
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const json = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: String(entry.subjectId),
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
    },
  });
}
