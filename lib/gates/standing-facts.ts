import "server-only";

import { Prisma } from "@/lib/db";
import { createsInLastDaySql, type CreatesInLastDay } from "@/lib/submission/budget";

/**
 * What the gates need to know about where a writer's post stands, read in the same statement as the
 * note they judge (the draft's or the frozen submission's), so a checklist costs one read, not one per gate.
 */
export type StandingFacts = {
  /** The writer's note on this post in this mode, if notes_written lists one. */
  noteOnX: string | null;
  /** POST /2/notes calls this writer made in the last 24 hours. */
  creates: CreatesInLastDay;
  /** writers.claim_opinion_min_score: the writer's own evaluate_note threshold, null for the default. */
  ownMinScore: number | null;
};

export type StandingColumns = { noteOnX: string | null; createsUsed: number; createsOldest: Date | null; ownMinScore: number | null };

/** The select-list part; `w` is the writers row of the surrounding query. */
export const standingColumns = Prisma.sql`on_x.id AS "noteOnX", creates.used AS "createsUsed", creates.oldest AS "createsOldest", w.claim_opinion_min_score AS "ownMinScore"`;

/** The joins behind standingColumns, for the writer, post and mode columns of the surrounding query. */
export function standingJoins(writerId: Prisma.Sql, postId: Prisma.Sql, testMode: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT n.id FROM written_notes n WHERE n.writer_id = ${writerId} AND n.post_id = ${postId} AND n.test_mode = ${testMode} LIMIT 1
    ) on_x ON TRUE
    CROSS JOIN LATERAL (${createsInLastDaySql(writerId)}) creates`;
}

export function toStandingFacts(row: StandingColumns): StandingFacts {
  return { noteOnX: row.noteOnX, creates: { used: row.createsUsed, oldest: row.createsOldest }, ownMinScore: row.ownMinScore };
}
