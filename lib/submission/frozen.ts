import "server-only";

import { Prisma, sql, type DraftState, type SqlRunner, type SubmissionState } from "@/lib/db";
import { standingColumns, standingJoins, toStandingFacts, type StandingColumns, type StandingFacts } from "@/lib/gates/standing-facts";

import type { FrozenSubmission } from "./note-request";

/**
 * A submission as the send path needs it, in one read: the frozen request and its approval hash, the
 * gate pass recorded with it, the writer's mode now, and the facts the gates judge again at send time.
 */
export type FrozenRow = FrozenSubmission & {
  id: string;
  draftId: string;
  draftState: DraftState;
  state: SubmissionState;
  attempts: number;
  createdAt: Date;
  writerTestMode: boolean;
  standing: StandingFacts;
};

type Row = Omit<FrozenRow, "standing"> & StandingColumns;

export async function readFrozenSubmission(submissionId: string, tx: SqlRunner = sql()): Promise<FrozenRow | null> {
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT s.id, s.draft_id AS "draftId", d.state::text AS "draftState", s.writer_id AS "writerId", s.post_id AS "postId",
           s.test_mode AS "testMode", s.state::text AS state, s.attempts, s.created_at AS "createdAt",
           s.request_body AS "requestBody", s.payload_hash AS "payloadHash", s.gate_pass_hash AS "gatePassHash",
           w.test_mode AS "writerTestMode", ${standingColumns}
      FROM submissions s
      JOIN drafts d ON d.id = s.draft_id
      JOIN writers w ON w.id = s.writer_id
      ${standingJoins(Prisma.raw("s.writer_id"), Prisma.raw("s.post_id"), Prisma.raw("s.test_mode"))}
     WHERE s.id = ${submissionId}`;
  if (!row) return null;
  const { noteOnX, createsUsed, createsOldest, ownMinScore, ...frozen } = row;
  return { ...frozen, standing: toStandingFacts({ noteOnX, createsUsed, createsOldest, ownMinScore }) };
}
