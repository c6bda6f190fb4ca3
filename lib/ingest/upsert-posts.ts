import "server-only";

import { Prisma, type DbClient } from "@/lib/db";
import type { NormalizedPost } from "@/lib/posts/post";
import { TRIAGE_RECORD_COLUMNS, triageRecord, upsertTriageFrom, type TriageAssessment } from "@/lib/triage";

import { postContentHash } from "./content-hash";

export type UpsertCounts = { new: number; updated: number; skipped: number };
/** A post whose stored content is new or changed by this upsert, with the hash it is now stored under. */
export type ChangedPost = { id: string; contentHash: string };
export type UpsertResult = UpsertCounts & { changed: ChangedPost[] };

/**
 * Upserts a page of posts in one statement. Rows whose content did not change are not touched at
 * all (the DO UPDATE has a WHERE), which is what makes a re-sync a no-op and keeps `updated_at`
 * meaningful. Concurrent runs on the same rows serialise on the primary key, so nothing doubles.
 *
 * Given their triage (by post id), the same statement stores it for exactly the posts it wrote, new
 * or changed: unchanged posts keep theirs, and ingestion pays no second round trip for triage.
 * Those posts come back in `changed`.
 */
export async function upsertPosts(
  db: DbClient,
  posts: readonly NormalizedPost[],
  triage?: ReadonlyMap<string, TriageAssessment>,
): Promise<UpsertResult> {
  if (posts.length === 0) return { new: 0, updated: 0, skipped: 0, changed: [] };
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
  // Triage travels as its own small recordset: joining it to the upsert's RETURNING leaves the
  // page's big recordset read once, not kept around for a second reader.
  const triageRows = triage && unique.flatMap((p) => {
    const assessment = triage.get(p.id);
    return assessment ? [{ post_id: p.id, ...triageRecord(assessment) }] : [];
  });

  const changed = await db.$queryRaw<{ id: string; content_hash: string; inserted: boolean }[]>`
    WITH up AS (
      INSERT INTO posts (id, text, author_id, author_username, author_name, posted_at, lang, media_type, media,
                         referenced_posts, note_requests, note_request_count, suggested_sources, matched_media_notes,
                         public_metrics, content_hash)
      SELECT id, text, author_id, author_username, author_name, posted_at, lang, media_type, media,
             referenced_posts, note_requests, note_request_count, suggested_sources, matched_media_notes,
             public_metrics, content_hash
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
             id text, text text, author_id text, author_username text, author_name text, posted_at timestamptz,
             lang text, media_type text, media jsonb, referenced_posts jsonb, note_requests jsonb,
             note_request_count int, suggested_sources jsonb, matched_media_notes jsonb, public_metrics jsonb,
             content_hash text)
      ON CONFLICT (id) DO UPDATE SET
             text = EXCLUDED.text, author_id = EXCLUDED.author_id, author_username = EXCLUDED.author_username,
             author_name = EXCLUDED.author_name, posted_at = EXCLUDED.posted_at, lang = EXCLUDED.lang,
             media_type = EXCLUDED.media_type, media = EXCLUDED.media, referenced_posts = EXCLUDED.referenced_posts,
             note_requests = EXCLUDED.note_requests, note_request_count = EXCLUDED.note_request_count,
             suggested_sources = EXCLUDED.suggested_sources, matched_media_notes = EXCLUDED.matched_media_notes,
             public_metrics = EXCLUDED.public_metrics, content_hash = EXCLUDED.content_hash, updated_at = now()
       WHERE posts.content_hash IS DISTINCT FROM EXCLUDED.content_hash
      RETURNING id, content_hash, (xmax = 0) AS inserted
    )${
      triageRows?.length
        ? Prisma.sql`, triaged AS (${upsertTriageFrom(Prisma.sql`
            SELECT t.*, up.content_hash AS post_hash
              FROM jsonb_to_recordset(${JSON.stringify(triageRows)}::jsonb) AS t(post_id text, ${TRIAGE_RECORD_COLUMNS})
              JOIN up ON up.id = t.post_id`)})`
        : Prisma.empty
    }
    SELECT id, content_hash, inserted FROM up`;

  const inserted = changed.filter((r) => r.inserted).length;
  return {
    new: inserted,
    updated: changed.length - inserted,
    skipped: unique.length - changed.length,
    changed: changed.map((r) => ({ id: r.id, contentHash: r.content_hash })),
  };
}

/**
 * Records that these posts are in the writer's feed (first_seen_at kept from the first time) and
 * returns how many are new to it: zero means the page held only posts already held.
 */
export async function recordEligibility(
  db: DbClient,
  target: { writerId: string; testMode: boolean; runId: string },
  postIds: readonly string[],
): Promise<{ newToFeed: number }> {
  if (postIds.length === 0) return { newToFeed: 0 };
  const rows = await db.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO eligibility (writer_id, test_mode, post_id, last_run_id)
    SELECT ${target.writerId}, ${target.testMode}, id, ${target.runId} FROM unnest(${[...new Set(postIds)]}::text[]) AS id
    ON CONFLICT (writer_id, test_mode, post_id) DO UPDATE SET last_seen_at = now(), last_run_id = EXCLUDED.last_run_id
    RETURNING (xmax = 0) AS inserted`;
  return { newToFeed: rows.filter((r) => r.inserted).length };
}
