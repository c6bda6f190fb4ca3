import "server-only";

import { Prisma, type DbClient } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";
import type { NormalizedWrittenNote } from "@/lib/x";

import { claimOpinionScore, claimOpinionScoreJoins } from "./sql";

/** new: first seen; snapshots: new plus changed notes; linked: notes on the page tied to a submission. */
export type PageCounts = { new: number; snapshots: number; linked: number };

/** One notes_written entry as the statement reads it from its JSON parameter. */
type IncomingNote = {
  id: string;
  post_id: string;
  text: string;
  classification: string;
  misleading_tags: string[];
  trustworthy_sources: boolean;
  status: string | null;
  claim_opinion: string | null;
  url_validity: string | null;
  harassment_abuse: string | null;
  /** Each evaluator outcome exactly as X sent it (casing, historical floats and all). */
  evaluator_results: unknown[];
};

function incoming(note: NormalizedWrittenNote): IncomingNote {
  return {
    id: note.id,
    post_id: note.postId,
    text: note.text,
    classification: note.classification,
    misleading_tags: note.misleadingTags,
    trustworthy_sources: note.trustworthySources,
    status: note.status,
    claim_opinion: note.buckets.claimOpinion,
    url_validity: note.buckets.urlValidity,
    harassment_abuse: note.buckets.harassmentAbuse,
    evaluator_results: note.evaluatorResults.map((result) => result.raw),
  };
}

/**
 * Stores one page of notes_written in one statement: upserts the notes, appends a snapshot for each
 * note that is new or whose status, a bucket or the evaluator results changed, and links each note
 * to the submission that produced it (by X note id, else by writer, post and mode). A post Notedesk
 * never synced gets a placeholder row (empty text) because written notes reference posts; the next
 * sync that sees the post fills it in.
 *
 * Every CTE reads the table as it was before the statement, so `before` holds the previous state
 * the change test compares against.
 */
export async function storeNotesPage(
  db: DbClient,
  scope: { writerId: string; testMode: boolean },
  notes: readonly NormalizedWrittenNote[],
): Promise<PageCounts> {
  // A page never lists a note twice, but ON CONFLICT cannot touch one row twice: be sure.
  const unique = [...new Map(notes.map((note) => [note.id, incoming(note)])).values()];
  if (unique.length === 0) return { new: 0, snapshots: 0, linked: 0 };
  const { writerId, testMode } = scope;

  const [counts] = await db.$queryRaw<PageCounts[]>`
    WITH incoming AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(unique)}::jsonb) AS i(
        id text, post_id text, text text, classification text, misleading_tags text[], trustworthy_sources boolean,
        status text, claim_opinion text, url_validity text, harassment_abuse text, evaluator_results jsonb)
    ),
    placeholder_posts AS (
      INSERT INTO posts (id, text, content_hash)
      SELECT DISTINCT post_id, '', '' FROM incoming ORDER BY post_id
      ON CONFLICT (id) DO NOTHING
    ),
    before AS (
      SELECT n.id, n.status, n.claim_opinion, n.url_validity, n.harassment_abuse, n.evaluator_results, n.submission_id
      FROM written_notes n JOIN incoming USING (id)
    ),
    link AS (
      SELECT DISTINCT ON (i.id) i.id, coalesce(by_note.id, by_post.id) AS submission_id
      FROM incoming i
      LEFT JOIN submissions by_note ON by_note.x_note_id = i.id AND by_note.writer_id = ${writerId}
      LEFT JOIN submissions by_post ON by_post.writer_id = ${writerId} AND by_post.post_id = i.post_id
        AND by_post.test_mode = ${testMode} AND by_post.x_note_id IS NULL
      ORDER BY i.id, by_note.id
    ),
    upserted AS (
      INSERT INTO written_notes AS n (id, writer_id, post_id, test_mode, text, classification, misleading_tags,
        trustworthy_sources, status, claim_opinion, url_validity, harassment_abuse, evaluator_results, submission_id,
        first_seen_at, last_seen_at, last_changed_at)
      SELECT i.id, ${writerId}, i.post_id, ${testMode}, i.text, i.classification, coalesce(i.misleading_tags, '{}'),
        i.trustworthy_sources, i.status, i.claim_opinion, i.url_validity, i.harassment_abuse,
        coalesce(i.evaluator_results, '[]'), l.submission_id, ${utcNow}, ${utcNow}, ${utcNow}
      FROM incoming i JOIN link l USING (id)
      ON CONFLICT (id) DO UPDATE SET
        text = EXCLUDED.text,
        classification = EXCLUDED.classification,
        misleading_tags = EXCLUDED.misleading_tags,
        trustworthy_sources = EXCLUDED.trustworthy_sources,
        status = EXCLUDED.status,
        claim_opinion = EXCLUDED.claim_opinion,
        url_validity = EXCLUDED.url_validity,
        harassment_abuse = EXCLUDED.harassment_abuse,
        evaluator_results = EXCLUDED.evaluator_results,
        submission_id = coalesce(n.submission_id, EXCLUDED.submission_id),
        last_seen_at = EXCLUDED.last_seen_at,
        last_changed_at = CASE
          WHEN (n.status, n.claim_opinion, n.url_validity, n.harassment_abuse, n.evaluator_results)
            IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.claim_opinion, EXCLUDED.url_validity, EXCLUDED.harassment_abuse, EXCLUDED.evaluator_results)
          THEN EXCLUDED.last_changed_at ELSE n.last_changed_at END
      RETURNING n.id, (xmax = 0) AS inserted, n.submission_id
    ),
    snapshots AS (
      INSERT INTO note_snapshots (note_id, observed_at, status, claim_opinion, url_validity, harassment_abuse,
        evaluator_results, claim_opinion_score)
      SELECT i.id, ${utcNow}, i.status, i.claim_opinion, i.url_validity, i.harassment_abuse,
        coalesce(i.evaluator_results, '[]'), ${claimOpinionScore}
      FROM incoming i
      LEFT JOIN before b USING (id)
      JOIN link l USING (id)
      ${claimOpinionScoreJoins({ postId: Prisma.sql`i.post_id`, text: Prisma.sql`i.text`, submissionId: Prisma.sql`coalesce(b.submission_id, l.submission_id)` })}
      WHERE b.id IS NULL
         OR (b.status, b.claim_opinion, b.url_validity, b.harassment_abuse, b.evaluator_results)
            IS DISTINCT FROM (i.status, i.claim_opinion, i.url_validity, i.harassment_abuse, coalesce(i.evaluator_results, '[]'))
      RETURNING note_id
    )
    SELECT (SELECT count(*) FROM upserted WHERE inserted)::int AS new,
           (SELECT count(*) FROM snapshots)::int AS snapshots,
           (SELECT count(*) FROM upserted WHERE submission_id IS NOT NULL)::int AS linked`;
  return counts ?? { new: 0, snapshots: 0, linked: 0 };
}
