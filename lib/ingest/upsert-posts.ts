import "server-only";

import { Prisma, type DbClient } from "@/lib/db";
import type { NormalizedPost } from "@/lib/posts/post";
import { reassessFrom, triageFields, type TriageAssessment } from "@/lib/triage";

import { postContentHash } from "./content-hash";

export type UpsertCounts = { new: number; updated: number; skipped: number };
/** A post whose stored content is new or changed by this upsert, with the hash it is now stored under. */
export type ChangedPost = { id: string; contentHash: string };
/** The writer's feed a page came from: the posts are recorded as eligible there. */
export type FeedTarget = { writerId: string; testMode: boolean; runId: string };
/** `newToFeed`: how many of the page's posts the feed did not hold yet (0 without a feed). */
export type UpsertResult = UpsertCounts & { changed: ChangedPost[]; newToFeed: number };
/**
 * `feed`: record the page there too. `seenAt`: when the page was read: a new post's first_seen_at
 * (what its assessment aged it from when X gave no date) and the assessments' triaged_at (default: now).
 */
export type UpsertOptions = { feed?: FeedTarget; seenAt?: Date };

const POST_COLUMNS = Prisma.sql`id, text, author_id, author_username, author_name, posted_at, lang, media_type, media,
  referenced_posts, note_requests, note_request_count, suggested_sources, matched_media_notes, public_metrics, content_hash`;
const POST_RECORD_COLUMNS = Prisma.sql`id text, text text, author_id text, author_username text, author_name text, posted_at timestamptz,
  lang text, media_type text, media jsonb, referenced_posts jsonb, note_requests jsonb, note_request_count int, suggested_sources jsonb,
  matched_media_notes jsonb, public_metrics jsonb, content_hash text`;
const CONTENT_FROM_EXCLUDED = Prisma.sql`
  text = EXCLUDED.text, author_id = EXCLUDED.author_id, author_username = EXCLUDED.author_username,
  author_name = EXCLUDED.author_name, posted_at = EXCLUDED.posted_at, lang = EXCLUDED.lang,
  media_type = EXCLUDED.media_type, media = EXCLUDED.media, referenced_posts = EXCLUDED.referenced_posts,
  note_requests = EXCLUDED.note_requests, note_request_count = EXCLUDED.note_request_count,
  suggested_sources = EXCLUDED.suggested_sources, matched_media_notes = EXCLUDED.matched_media_notes,
  public_metrics = EXCLUDED.public_metrics, content_hash = EXCLUDED.content_hash, updated_at = now()`;

/**
 * A sync's page in one statement: the posts upserted with their triage, and the page recorded in the
 * writer's feed (a re-triaged post's drafts follow its new priority key by trigger, see the
 * triage_in_posts migration). One round trip per page is most of what keeps ingestion near the
 * speed of a raw insert (docs/benchmarks.md, Ingest).
 *
 * Rows whose content did not change are not touched at all (the DO UPDATE has a WHERE), which is
 * what makes a re-sync a no-op and keeps `updated_at` meaningful; so an unchanged post keeps its
 * triage and a changed one gets the new assessment, a reviewer's overturn kept. Without
 * assessments, an update leaves the stored triage as it was. Rows are taken in id order, so runs
 * writing overlapping posts at once wait for each other instead of deadlocking; nothing doubles.
 */
export async function upsertPosts(
  db: DbClient,
  posts: readonly NormalizedPost[],
  triage?: ReadonlyMap<string, TriageAssessment>,
  { feed, seenAt = new Date() }: UpsertOptions = {},
): Promise<UpsertResult> {
  if (posts.length === 0) return { new: 0, updated: 0, skipped: 0, changed: [], newToFeed: 0 };
  // A page can repeat a post (a quoted post that is also eligible); one row per id per statement.
  const unique = [...new Map(posts.map((p) => [p.id, p])).values()];
  const rows = unique.map((p) => ({
    id: p.id,
    text: p.text,
    author_id: p.authorId,
    author_username: p.authorUsername,
    author_name: p.authorName,
    posted_at: p.postedAt,
    lang: p.lang,
    media_type: p.mediaType,
    media: p.media,
    referenced_posts: p.referencedPosts,
    note_requests: p.noteRequests,
    note_request_count: p.noteRequests.length,
    suggested_sources: p.suggestedSources,
    matched_media_notes: p.matchedMediaNotes,
    public_metrics: p.publicMetrics,
    content_hash: postContentHash(p),
  }));
  // The assessments ride beside the page's jsonb, in the same row order (store.ts, TriageFields).
  const fields = triage?.size ? triageFields(unique.map((p) => triage.get(p.id))) : null;
  const page = JSON.stringify(rows);
  const recordset = fields
    ? Prisma.sql`ROWS FROM (jsonb_to_recordset(${page}::jsonb) AS (${POST_RECORD_COLUMNS}), ${fields.arrays}) AS r(${POST_COLUMNS}, ${fields.names})`
    : Prisma.sql`jsonb_to_recordset(${page}::jsonb) AS r(${POST_RECORD_COLUMNS})`;

  const [result] = await db.$queryRaw<{ changed: [string, string, boolean][]; newToFeed: number }[]>`
    WITH up AS (
      INSERT INTO posts (${POST_COLUMNS}, first_seen_at${fields ? Prisma.sql`, ${fields.columns}` : Prisma.empty})
      SELECT ${POST_COLUMNS}, ${seenAt}::timestamp(3)${fields ? Prisma.sql`, ${fields.values(Prisma.sql`r`, seenAt)}` : Prisma.empty}
        FROM ${recordset}
       ORDER BY r.id
      ON CONFLICT (id) DO UPDATE SET ${CONTENT_FROM_EXCLUDED}${fields ? Prisma.sql`, ${reassessFrom(Prisma.sql`EXCLUDED`)}` : Prisma.empty}
       WHERE posts.content_hash IS DISTINCT FROM EXCLUDED.content_hash
      RETURNING id, content_hash, (xmax = 0) AS inserted
    )${
      feed ? Prisma.sql`, seen AS (${eligibilityFrom(feed, unique.map((p) => p.id))})` : Prisma.empty
    }
    SELECT coalesce((SELECT json_agg(json_build_array(id, content_hash, inserted)) FROM up), '[]') AS changed,
           ${feed ? Prisma.sql`(SELECT count(*)::int FROM seen WHERE inserted)` : Prisma.sql`0`} AS "newToFeed"`;

  const changed = result?.changed ?? [];
  const inserted = changed.filter(([, , isNew]) => isNew).length;
  return {
    new: inserted,
    updated: changed.length - inserted,
    skipped: unique.length - changed.length,
    changed: changed.map(([id, contentHash]) => ({ id, contentHash })),
    newToFeed: result?.newToFeed ?? 0,
  };
}

/** Records the posts in the writer's feed (first_seen_at kept from the first time); RETURNING whether each is new to it. */
function eligibilityFrom(feed: FeedTarget, postIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO eligibility (writer_id, test_mode, post_id, last_run_id)
    SELECT ${feed.writerId}, ${feed.testMode}, id, ${feed.runId} FROM unnest(${[...new Set(postIds)]}::text[]) AS id ORDER BY id
    ON CONFLICT (writer_id, test_mode, post_id) DO UPDATE SET last_seen_at = now(), last_run_id = EXCLUDED.last_run_id
    RETURNING (xmax = 0) AS inserted`;
}

/**
 * Records that these posts are in the writer's feed and returns how many are new to it: zero means
 * the page held only posts already held. For posts stored apart from a sync's page (test fixtures).
 */
export async function recordEligibility(db: DbClient, feed: FeedTarget, postIds: readonly string[]): Promise<{ newToFeed: number }> {
  if (postIds.length === 0) return { newToFeed: 0 };
  const rows = await db.$queryRaw<{ inserted: boolean }[]>(eligibilityFrom(feed, postIds));
  return { newToFeed: rows.filter((r) => r.inserted).length };
}
