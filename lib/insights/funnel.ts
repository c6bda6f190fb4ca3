import "server-only";

import { getDb, Prisma } from "@/lib/db";
import { postUrlOnX } from "@/lib/posts/url";

import type { DropoutsDto, DropReasonDto, FunnelDto } from "./dto";
import { dropReasonLabel, funnelStepIds, funnelSteps, type FunnelStepId } from "./funnel-labels";
import { funnelPaths } from "./funnel-steps";
import type { InsightsScope } from "./scope";

/** The drill-down shows the most recent posts; the reasons above it count them all. */
export const DROPOUT_ROWS = 50;

type ReasonCount = { droppedAt: FunnelStepId | null; reason: string | null; count: number };

/**
 * The funnel: one pass over the period's posts, grouped by where each stopped and why, so the
 * database returns a row per (step, reason), never a row per post. Counts per step follow from the
 * drop-outs: every post that did not stop at or before a step reached it.
 */
export async function funnel(scope: InsightsScope): Promise<FunnelDto> {
  const rows = await getDb().$queryRaw<ReasonCount[]>`
    SELECT f.dropped_at AS "droppedAt", f.reason, count(*)::int AS count
    FROM (${funnelPaths(scope)}) f
    GROUP BY 1, 2`;
  const eligible = rows.reduce((sum, row) => sum + row.count, 0);
  let reached = eligible;
  const steps = funnelStepIds.map((id, index) => {
    const here = rows.filter((row) => row.droppedAt === id);
    const dropped = here.reduce((sum, row) => sum + row.count, 0);
    const previous = reached;
    reached -= dropped;
    return {
      id,
      ...funnelSteps[id],
      reached,
      dropped,
      fromPrevious: index === 0 || previous === 0 ? null : reached / previous,
      fromEligible: eligible === 0 ? null : reached / eligible,
      reasons: reasonsOf(id, here),
    };
  });
  return { steps, eligible };
}

function reasonsOf(step: FunnelStepId, rows: ReasonCount[]): DropReasonDto[] {
  return rows
    .map((row) => ({ reason: row.reason ?? "unknown", label: dropReasonLabel(step, row.reason ?? "unknown"), count: row.count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

type DropoutRow = {
  postId: string;
  postText: string;
  authorUsername: string | null;
  testMode: boolean;
  firstSeenAt: Date;
  draftId: string | null;
  draftState: string | null;
  noteId: string | null;
  reason: string | null;
  detail: string | null;
};

/**
 * The most recent posts that stopped at `step` (for `reason`, when given), newest first. How many
 * there are, by reason, is the funnel's own count (FunnelStepDto.reasons).
 */
export async function funnelDropouts(scope: InsightsScope, step: FunnelStepId, reason: string | null): Promise<DropoutsDto> {
  const reasonFilter = reason ? Prisma.sql`AND f.reason = ${reason}` : Prisma.empty;
  const rows = await getDb().$queryRaw<DropoutRow[]>`
    SELECT f.post_id AS "postId", left(f.post_text, 200) AS "postText", f.author_username AS "authorUsername", f.test_mode AS "testMode",
      f.first_seen_at AS "firstSeenAt", f.draft_id AS "draftId", f.draft_state AS "draftState", f.note_id AS "noteId", f.reason, f.detail
    FROM (${funnelPaths(scope)}) f
    WHERE f.dropped_at = ${step} ${reasonFilter}
    ORDER BY f.first_seen_at DESC, f.post_id
    LIMIT ${DROPOUT_ROWS}`;
  return {
    step,
    reason,
    rows: rows.map((row) => ({
      postId: row.postId,
      postUrl: postUrlOnX(row.postId, row.authorUsername),
      postExcerpt: row.postText,
      authorUsername: row.authorUsername,
      mode: row.testMode ? "test" : "production",
      firstSeenAt: row.firstSeenAt.toISOString(),
      draftId: row.draftId,
      draftState: row.draftState,
      noteId: row.noteId,
      reason: row.reason ?? "unknown",
      reasonLabel: dropReasonLabel(step, row.reason ?? "unknown"),
      detail: row.detail,
    })),
  };
}
