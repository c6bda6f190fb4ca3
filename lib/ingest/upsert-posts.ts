import "server-only";

import type { DbClient } from "@/lib/db";
import type { NormalizedPost } from "@/lib/posts/post";

import { postContentHash } from "./content-hash";

export type UpsertCounts = { new: number; updated: number; skipped: number };

/**
 * Upserts a page of posts in one statement. Rows whose content did not change are not touched at
 * all (the DO UPDATE has a WHERE), which is what makes a re-sync a no-op and keeps `updated_at`
 * meaningful. Concurrent runs on the same rows serialise on the primary key, so nothing doubles.
 */
export async function upsertPosts(db: DbClient, posts: readonly NormalizedPost[]): Promise<UpsertCounts> {
  if (posts.length === 0) return { new: 0, updated: 0, skipped: 0 };
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

  const changed = await db.$queryRaw<{ inserted: boolean }[]>`
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
    RETURNING (xmax = 0) AS inserted`;

  const inserted = changed.filter((r) => r.inserted).length;
  return { new: inserted, updated: changed.length - inserted, skipped: unique.length - changed.length };
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
