import "server-only";

import { Prisma, type DbClient } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";

import { storedPostColumns, type StoredPost } from "./stored-post";

/**
 * The drafting run's moves before a model is asked anything: drafts for new posts, claims, and
 * giving back what a stopped or crashed run held. Each is one statement that also writes its audit
 * rows, so a move and its record commit together, and claims use SKIP LOCKED so two runs (on one
 * worker or several) never draft the same post.
 *
 * A post triage put out (docs/triage.md) is not drafted: no model is paid to draft opinion or
 * satire. One a reviewer puts back in is drafted by the next run, like any other. A post not yet
 * triaged is drafted: nothing waits on an assessment that may never come.
 */

/** The post `p` may be drafted: triage did not put it out. */
const draftable = Prisma.sql`p.triage_verdict IS DISTINCT FROM 'out'`;

/** One writer's feed in one mode: drafts belong to exactly one. */
export type DraftingFeed = { writerId: string; testMode: boolean };

/** A draft this run moved to `drafting`; `version` is what its outcome must still find. */
export type ClaimedDraft = { id: string; postId: string; version: number };

/** The audit rows for the drafts a statement's `source` CTE returned (columns id, version). */
function auditMoved(action: string, from: "new" | "drafting" | null, to: "new" | "drafting", source: "moved" | "recovered" | "created" = "moved"): Prisma.Sql {
  const moved = Prisma.raw(source);
  const before = from === null ? Prisma.sql`NULL` : Prisma.sql`jsonb_build_object('state', ${from}::text, 'version', ${moved}.version - 1)`;
  return Prisma.sql`
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, before, after)
    SELECT NULL, ${action}, 'draft', ${moved}.id, ${before}, jsonb_build_object('state', ${to}::text, 'version', ${moved}.version)
      FROM ${moved}`;
}

export type PreparedDrafts = { recovered: number; created: number; waiting: number };

/**
 * A draft (state new) for each draftable post of the feed that has none, oldest first, up to `limit`
 * of them (null: all): the CTE `created` (id, version) with its audit rows. Each takes its post's
 * priority key by trigger (the triage_in_posts migration).
 */
function createDrafts(feed: DraftingFeed, limit: number | null): Prisma.Sql {
  return Prisma.sql`created AS (
      INSERT INTO drafts (id, writer_id, post_id, test_mode, created_at, updated_at)
      SELECT gen_random_uuid()::text, e.writer_id, e.post_id, e.test_mode, ${utcNow}, ${utcNow}
        FROM eligibility e
        JOIN posts p ON p.id = e.post_id
       WHERE e.writer_id = ${feed.writerId} AND e.test_mode = ${feed.testMode} AND ${draftable}
         AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.writer_id = e.writer_id AND d.test_mode = e.test_mode AND d.post_id = e.post_id)
       ORDER BY e.first_seen_at, e.post_id
       ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}
      ON CONFLICT (writer_id, post_id, test_mode) DO NOTHING
      RETURNING id, version
    ), creation_audited AS (${auditMoved("draft.create", null, "new", "created")})`;
}

/**
 * A drafting run's first move, in one statement (one round trip before the first claim):
 *
 * - Drafts left in `drafting` longer than `staleAfterMs` belong to a run that died: back to `new`.
 *   The version bump means a run that was only slow, not dead, finds its claim gone and its late
 *   outcome is dropped, so no post is ever drafted twice into the queue.
 * - Drafts for the feed's draftable posts that have none: up to `firstDrafts` of them (the run makes
 *   the rest with createMissingDrafts while the first are drafted), or all.
 *
 * Returns how many were recovered and created, and how many now wait to be drafted: the statement's
 * snapshot sees neither its own inserts nor its own recoveries, hence the sum.
 */
export async function prepareDrafts(db: DbClient, feed: DraftingFeed, staleAfterMs: number, firstDrafts: number | null = null): Promise<PreparedDrafts> {
  const [row] = await db.$queryRaw<PreparedDrafts[]>`
    WITH recovered AS (
      UPDATE drafts AS d SET state = 'new', version = d.version + 1, updated_at = ${utcNow}
       WHERE d.writer_id = ${feed.writerId} AND d.test_mode = ${feed.testMode} AND d.state = 'drafting'
         AND d.updated_at < ${utcNow} - make_interval(secs => ${staleAfterMs / 1000})
      RETURNING d.id, d.version, d.post_id
    ), recovery_audited AS (${auditMoved("draft.recover_drafting", "drafting", "new", "recovered")}),
    ${createDrafts(feed, firstDrafts)}
    SELECT (SELECT count(*)::int FROM recovered) AS recovered,
           (SELECT count(*)::int FROM created) AS created,
           (SELECT count(*)::int FROM created)
             + (SELECT count(*)::int FROM recovered JOIN posts p ON p.id = recovered.post_id WHERE ${draftable})
             + (SELECT count(*)::int FROM drafts d JOIN posts p ON p.id = d.post_id
                 WHERE d.writer_id = ${feed.writerId} AND d.test_mode = ${feed.testMode} AND d.state = 'new' AND ${draftable}) AS waiting`;
  return row ?? { recovered: 0, created: 0, waiting: 0 };
}

/** Drafts for every draftable post of the feed that still has none; returns how many were created. */
export async function createMissingDrafts(db: DbClient, feed: DraftingFeed): Promise<number> {
  const [row] = await db.$queryRaw<{ created: number }[]>`WITH ${createDrafts(feed, null)} SELECT count(*)::int AS created FROM created`;
  return row?.created ?? 0;
}

/** A claimed draft with what drafting it reads: its post (null if gone) and the notes already written on the post. */
export type ClaimedDraftWithPost = ClaimedDraft & { post: StoredPost | null; existingNoteTexts: string[] };

type ClaimRow = ClaimedDraft & Omit<StoredPost, "id"> & { storedPostId: string | null; existingNoteTexts: string[] };

/**
 * Takes up to `limit` waiting drafts of draftable posts, oldest first, skipping any another run is
 * taking right now, and reads their posts and the notes written on them (any of our writers', so
 * drafting can flag a draft that repeats one) in the same round trip. A draft whose post was
 * triaged out after it was made waits, unclaimed, until a reviewer puts the post back in.
 */
export async function claimDrafts(db: DbClient, feed: DraftingFeed, limit: number): Promise<ClaimedDraftWithPost[]> {
  const rows = await db.$queryRaw<ClaimRow[]>`
    WITH picked AS MATERIALIZED (
      SELECT d.id FROM drafts d JOIN posts p ON p.id = d.post_id
       WHERE d.writer_id = ${feed.writerId} AND d.test_mode = ${feed.testMode} AND d.state = 'new' AND ${draftable}
       ORDER BY d.created_at, d.id
       LIMIT ${limit}
         FOR UPDATE OF d SKIP LOCKED
    ), moved AS (
      UPDATE drafts AS d SET state = 'drafting', version = d.version + 1, updated_at = ${utcNow}
        FROM picked WHERE d.id = picked.id
      RETURNING d.id, d.post_id, d.version
    ), audited AS (${auditMoved("draft.start_drafting", "new", "drafting")})
    SELECT moved.id, moved.post_id AS "postId", moved.version, p.id AS "storedPostId", ${storedPostColumns},
           ARRAY(SELECT w.text FROM written_notes w WHERE w.post_id = moved.post_id ORDER BY w.first_seen_at, w.id) AS "existingNoteTexts"
      FROM moved LEFT JOIN posts p ON p.id = moved.post_id
     ORDER BY moved.id`;
  return rows.map(({ id, postId, version, storedPostId, existingNoteTexts, ...post }) => ({
    id,
    postId,
    version,
    post: storedPostId === null ? null : { id: storedPostId, ...post },
    existingNoteTexts,
  }));
}

/** Gives back claims a stopping run never started on, so the next run drafts them at once. */
export async function releaseClaims(db: DbClient, claims: readonly ClaimedDraft[]): Promise<number> {
  if (claims.length === 0) return 0;
  const [row] = await db.$queryRaw<{ count: number }[]>`
    WITH moved AS (
      UPDATE drafts AS d SET state = 'new', version = d.version + 1, updated_at = ${utcNow}
        FROM unnest(${claims.map((c) => c.id)}::text[], ${claims.map((c) => c.version)}::int[]) AS c(id, version)
       WHERE d.id = c.id AND d.version = c.version AND d.state = 'drafting'
      RETURNING d.id, d.version
    ), audited AS (${auditMoved("draft.release_drafting", "drafting", "new")})
    SELECT count(*)::int AS count FROM moved`;
  return row?.count ?? 0;
}

/** Whether a drafting run would find anything: a waiting draft, or an eligible post without a draft, of a draftable post. */
export async function hasDraftingWork(db: DbClient, feed: DraftingFeed): Promise<boolean> {
  const [row] = await db.$queryRaw<{ waiting: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM drafts d JOIN posts p ON p.id = d.post_id
                    WHERE d.writer_id = ${feed.writerId} AND d.test_mode = ${feed.testMode} AND d.state = 'new' AND ${draftable})
        OR EXISTS (SELECT 1 FROM eligibility e JOIN posts p ON p.id = e.post_id
                    WHERE e.writer_id = ${feed.writerId} AND e.test_mode = ${feed.testMode} AND ${draftable}
                      AND NOT EXISTS (SELECT 1 FROM drafts d
                                       WHERE d.writer_id = e.writer_id AND d.test_mode = e.test_mode AND d.post_id = e.post_id))
        AS waiting`;
  return row?.waiting ?? false;
}
