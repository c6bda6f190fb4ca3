import "server-only";

import { Prisma, type DbClient } from "@/lib/db";
import type { DraftingFeed } from "@/lib/drafting/draft-claims";

/** A new shadow variant also drafts the posts of the week before it was made, so it has something to compare soon. */
export const SHADOW_BACKFILL_DAYS = 7;

/** A failed shadow draft is tried again by later runs until it has had this many attempts. */
export const SHADOW_MAX_ATTEMPTS = 3;

/** One shadow draft to make: `attempts` already made (0 for a post the variant has not drafted). */
export type ShadowWork = { variantId: string; draftId: string; postId: string; attempts: number };

/**
 * What is waiting for the shadow variants: posts the live variant has drafted (or abstained on) that
 * a variant has not, and its failures from earlier runs with attempts left. A variant that is off or
 * live drafts nothing in shadow, so its failures are not retried; a post that is gone takes its
 * drafts and shadow drafts with it. Notes and abstentions are never drafted again.
 */
export function shadowWorkWaiting(feed: DraftingFeed, variantIds: string[], runId: string): Prisma.Sql {
  return Prisma.sql`
      FROM drafting_variants v
      JOIN drafts d ON d.writer_id = v.writer_id AND d.test_mode = ${feed.testMode}
      LEFT JOIN shadow_drafts s ON s.variant_id = v.id AND s.draft_id = d.id
     WHERE v.id = ANY(${variantIds}::text[]) AND v.writer_id = ${feed.writerId} AND v.status = 'shadow'
       AND d.state NOT IN ('new', 'drafting', 'failed')
       AND d.created_at >= v.created_at - make_interval(days => ${SHADOW_BACKFILL_DAYS})
       AND (s.id IS NULL
            OR (s.outcome = 'failed' AND s.attempts < ${SHADOW_MAX_ATTEMPTS} AND s.run_id IS DISTINCT FROM ${runId}))`;
}

/** Newest first, every shadow variant's turn on a post together so two shadows can be compared on it. */
export async function listShadowWork(db: DbClient, pending: Prisma.Sql, limit: number): Promise<ShadowWork[]> {
  return db.$queryRaw<ShadowWork[]>`
    SELECT v.id AS "variantId", d.id AS "draftId", d.post_id AS "postId", COALESCE(s.attempts, 0)::int AS attempts
    ${pending}
     ORDER BY d.created_at DESC, d.id, v.created_at, v.id
     LIMIT ${limit}`;
}

export async function countShadowWork(db: DbClient, pending: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${pending}`;
  return row?.count ?? 0;
}
