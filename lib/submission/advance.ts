import "server-only";

import { auditJson, auditRowsFrom, type AuditState } from "@/lib/audit/record";
import { inSqlTransaction, pipelined, Prisma, refusalOf, sqlAssertion, type SqlRunner } from "@/lib/db";
import { draftMoveCtes } from "@/lib/review/move-draft";
import { utcNow } from "@/lib/review/sql";

import type { SubmitOutcomeDto } from "./dto";
import { currentOutcome } from "./read";
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
  /** A condition on anything else, checked before either row moves (it goes with the draft's move, which runs first). */
  onlyIf?: Prisma.Sql;
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
 * advanceSubmission with the outcome as it then stands read right behind the move, and the COMMIT
 * behind that: on the pipelined connection, one round trip for what the confirm dialog shows once X
 * has answered. A move refused (the submission was not where it was expected) still answers with
 * the submission as it stands.
 */
export async function advanceAndRead(move: SubmissionMove): Promise<SubmitOutcomeDto> {
  try {
    return await inSqlTransaction(async (tx) => {
      const [, outcome] = await pipelined(advanceSubmissionIn(tx, move), currentOutcome(move.submissionId, true, tx), tx.commit());
      return outcome;
    }, { waitForDisk: move.waitForDisk });
  } catch (error) {
    if (error instanceof StaleSubmission) return currentOutcome(move.submissionId, true);
    throw error;
  }
}

/**
 * advanceSubmission in the caller's transaction: false when the draft was not where the step
 * expects it; StaleSubmission thrown when the submission was not (the statement failed, so the
 * transaction rolls back with the draft's move).
 */
export async function advanceSubmissionIn(tx: SqlRunner, move: SubmissionMove): Promise<boolean> {
  const { from, to, draft } = submissionTransitions[move.step];
  const conditions = [Prisma.sql`id = ${move.submissionId}`, Prisma.sql`state = ${from}::"SubmissionState"`];
  if (move.attempt !== undefined) conditions.push(Prisma.sql`attempts = ${move.attempt}`);
  conditions.push(...(move.where ?? []));
  // Both rows and their audit rows in one statement. The submission's UPDATE waits on the draft's
  // (an InitPlan over `moved`, run before the submission is scanned), so the draft row is locked
  // first, as on every path that touches both: they never deadlock.
  const [row] = await advanceStatement(tx.$queryRaw<{ drafts: number; submissions: number }[]>`
    WITH ${draftMoveCtes({ action: draft, draftId: move.draftId, actorId: move.actorId, where: move.onlyIf ? [move.onlyIf] : [] })},
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
    SELECT (SELECT count(*) FROM moved)::int AS drafts, (SELECT count(*) FROM advanced)::int AS submissions,
           ${sqlAssertion(Prisma.sql`(SELECT count(*) FROM moved) = (SELECT count(*) FROM advanced)`, STALE)}`);
  return (row?.drafts ?? 0) > 0;
}

/**
 * The statement fails, in SQL, when the draft moved without its submission, so that no transaction
 * (not even one whose COMMIT was sent behind it) keeps the draft's move alone.
 */
const STALE = "the submission was not where its draft said it would be";

async function advanceStatement<T>(statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    if (refusalOf(error) === STALE) throw new StaleSubmission();
    throw error;
  }
}
