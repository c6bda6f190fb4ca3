import "server-only";

import { Prisma } from "@/lib/db";

/** A flat, JSON-safe picture of a subject's state before or after a change. */
export type AuditState = Record<string, string | number | boolean | null | string[]>;

/**
 * "writer" and "control" (the emergency stop, model prices) are lib/controls' and lib/costs' subjects; "post" is lib/triage's;
 * "variant" and "comparison" are lib/variants'.
 */
export type AuditSubjectType = "draft" | "submission" | "writer" | "control" | "post" | "variant" | "comparison";

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

const json = (state: AuditState | null | undefined) => (state ? Prisma.sql`${JSON.stringify(state)}::jsonb` : Prisma.sql`NULL`);

/** Each row is stamped with the database's clock at the moment it is written, in UTC like the column's other writers. */
const stampedNow = Prisma.sql`date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'utc')`;

/**
 * Written in the same transaction as the change it describes, so the two commit or vanish together.
 * One plain INSERT: every state change writes one or two, so it stays off the model client's heavier path.
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after, at)
    VALUES (${entry.actorId}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId}, ${json(entry.before)}, ${json(entry.after)}, ${stampedNow})`;
}

/**
 * The audit rows of a change made by the same statement: `INSERT … SELECT` over the rows that a
 * data-modifying CTE named `rows` returned, one audit row each (none when the change matched nothing).
 * `action`, `subjectId`, `before` and `after` are SQL, and may read that CTE's columns.
 */
export function auditRowsFrom(rows: string, entry: { actorId: string | null; action: Prisma.Sql; subjectType: AuditSubjectType; subjectId: Prisma.Sql; before: Prisma.Sql; after: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after, at)
    SELECT ${entry.actorId}::text, ${entry.action}, ${entry.subjectType}::text, ${entry.subjectId}, ${entry.before}, ${entry.after}, ${stampedNow}
      FROM ${Prisma.raw(rows)}`;
}

/** A JSON object built in SQL from `fixed` (key → SQL value) and then the given state, whose keys win. */
export function auditJson(fixed: Record<string, Prisma.Sql>, state: AuditState = {}): Prisma.Sql {
  const pairs = Object.entries(fixed).flatMap(([key, value]) => [Prisma.sql`${key}::text`, value]);
  const given = Prisma.sql`${JSON.stringify(state)}::jsonb`;
  return pairs.length === 0 ? given : Prisma.sql`jsonb_build_object(${Prisma.join(pairs, ", ")}) || ${given}`;
}
