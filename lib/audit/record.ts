import "server-only";

import { Prisma } from "@/lib/db";

/** A flat, JSON-safe picture of a subject's state before or after a change. */
export type AuditState = Record<string, string | number | boolean | null | string[]>;

/** "writer" and "control" (the emergency stop, model prices) are lib/controls' and lib/costs' subjects; "post" is lib/triage's. */
export type AuditSubjectType = "draft" | "submission" | "writer" | "control" | "post";

export type AuditEntry = {
  /** null for the system (a worker, a start-up recovery). */
  actorId: string | null;
  /** "<subject>.<verb>", e.g. draft.reject, submission.send. */
  action: string;
  subjectType: AuditSubjectType;
  subjectId: string;
  before?: AuditState | null;
  after?: AuditState | null;
};

/** Written in the same transaction as the change it describes, so the two commit or vanish together. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before ?? Prisma.DbNull,
      after: entry.after ?? Prisma.DbNull,
    },
  });
}
