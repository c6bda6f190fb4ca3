import "server-only";

import { auditJson, auditRowsFrom, type AuditState } from "@/lib/audit/record";
import { inSqlTransaction, Prisma, type SqlRunner } from "@/lib/db";
import { draftMoveCtes } from "@/lib/review/move-draft";
import { utcNow } from "@/lib/review/sql";

import { submissionTransitions, type SubmissionStep } from "./transitions";

export type SubmissionMove = {
  step: SubmissionStep;
  submissionId: string;
  draftId: string;
  actorId: string | null;
  /** For an answer from X: the attempt it answers. An answer to an attempt given up on changes nothing. */
  attempt?: number;
  /** Further conditions on the submission row. */
  where?: Prisma.Sql[];
  set?: Prisma.Sql[];
  audit?: AuditState;
  /**
   * false for recording X's answer: if a crash of PostgreSQL loses it, the submission is left
   * "sending", which recovery already turns into a reconciliation that asks X (docs/submission.md).
   * Never for a claim, an approval or a reconciliation.
   */
  waitForDisk?: boolean;
};

/** The submission was not where its draft said it would be: roll back the draft's move too. */
export class StaleSubmission extends Error {}

/**
 * Moves the draft, then the submission, each by a conditional UPDATE with its audit row. Always the
 * draft row first: every path that touches both locks them in that order, so they never deadlock.
 * false when either was not where the step expects it; then nothing changed.
 */
export async function advanceSubmission(move: SubmissionMove): Promise<boolean> {
  try {
    return await inSqlTransaction((tx) => advanceSubmissionIn(tx, move), { waitForDisk: move.waitForDisk });
  } catch (error) {
    if (error instanceof StaleSubmission) return false;
    throw error;
  }
}

/**
 * advanceSubmission in the caller's transaction: false when the draft was not where the step
 * expects it; StaleSubmission thrown when the submission was not, so the caller rolls back the draft's move.
 */
export async function advanceSubmissionIn(tx: SqlRunner, move: SubmissionMove): Promise<boolean> {
  const { from, to, draft } = submissionTransitions[move.step];
  const conditions = [Prisma.sql`id = ${move.submissionId}`, Prisma.sql`state = ${from}::"SubmissionState"`];
  if (move.attempt !== undefined) conditions.push(Prisma.sql`attempts = ${move.attempt}`);
  conditions.push(...(move.where ?? []));
  // Both rows and their audit rows in one statement. The submission's UPDATE waits on the draft's
  // (an InitPlan over `moved`, run before the submission is scanned), so the draft row is locked
  // first, as on every path that touches both: they never deadlock.
  const [row] = await tx.$queryRaw<{ drafts: number; submissions: number }[]>`
    WITH ${draftMoveCtes({ action: draft, draftId: move.draftId, actorId: move.actorId })},
    advanced AS (
      UPDATE submissions
      SET ${Prisma.join([Prisma.sql`state = ${to}::"SubmissionState"`, Prisma.sql`updated_at = ${utcNow}`, ...(move.set ?? [])], ", ")}
      WHERE ${Prisma.join(conditions, " AND ")} AND EXISTS (SELECT 1 FROM moved)
      RETURNING id, attempts
    ), audited AS (
      ${auditRowsFrom("advanced", {
        actorId: move.actorId,
        action: Prisma.sql`${`submission.${move.step}`}::text`,
        subjectType: "submission",
        subjectId: Prisma.sql`advanced.id`,
        before: auditJson({ state: Prisma.sql`${from}::text` }),
        after: auditJson({ state: Prisma.sql`${to}::text`, attempts: Prisma.sql`advanced.attempts` }, move.audit),
      })}
    )
    SELECT (SELECT count(*) FROM moved)::int AS drafts, (SELECT count(*) FROM advanced)::int AS submissions`;
  if (!row?.drafts) return false;
  if (!row.submissions) throw new StaleSubmission();
  return true;
}
