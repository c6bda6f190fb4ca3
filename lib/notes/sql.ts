import "server-only";

import { Prisma } from "@/lib/db";

/**
 * SQL pieces the notes queries share. Aliases: `n` written_notes, `s` the submission that produced
 * the note, `r1` the draft's first revision (the AI's draft), `rc` the draft's current revision.
 */

/** The submission and the AI's first draft behind a note; LEFT, so notes written elsewhere stay. */
export const originJoins = Prisma.sql`
  LEFT JOIN submissions s ON s.id = n.submission_id
  LEFT JOIN revisions r1 ON r1.draft_id = s.draft_id AND r1.number = 1`;

/**
 * When the note was written: the submission's completion when Notedesk sent it, else the first
 * refresh that saw it (notes written before Notedesk, or by another tool).
 */
export const writtenAt = Prisma.sql`coalesce(s.completed_at, n.first_seen_at)`;

/**
 * Whether the AI's draft went out as it was: `unedited` when the text sent equals the first AI
 * revision, `edited` when a person (or an AI revision a person asked for) changed it, `human` when
 * a person wrote it from scratch, `external` when no Notedesk submission produced the note.
 */
export const origin = Prisma.sql`(CASE
  WHEN s.id IS NULL THEN 'external'
  WHEN r1.id IS NULL OR r1.author_kind = 'human' THEN 'human'
  WHEN btrim(coalesce(s.request_body #>> '{info,text}', n.text)) = btrim(r1.text) THEN 'unedited'
  ELSE 'edited' END)`;

/** The text that went to X: the frozen request body, else what X reports. */
export const sentText = Prisma.sql`coalesce(s.request_body #>> '{info,text}', n.text)`;

/**
 * Where evaluate_note's ClaimOpinion score for a note's text on its post is kept: `ne`, what the
 * submission gates stored (note_evaluations, keyed by the text's sha256), and `rv`, the revision that
 * was sent, where drafting may have stored one (checks.evaluateScore). Joins, not subqueries, so a
 * chart over thousands of notes hashes them once.
 */
export function claimOpinionScoreJoins(note: { postId: Prisma.Sql; text: Prisma.Sql; submissionId: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
    LEFT JOIN note_evaluations ne ON ne.post_id = ${note.postId} AND ne.text_hash = encode(sha256(convert_to(${note.text}, 'UTF8')), 'hex')
    LEFT JOIN submissions sv ON sv.id = ${note.submissionId}
    LEFT JOIN drafts dv ON dv.id = sv.draft_id
    LEFT JOIN revisions rv ON rv.id = dv.current_revision_id`;
}

/** The score found through claimOpinionScoreJoins; null when nobody asked X. */
export const claimOpinionScore = Prisma.sql`coalesce(ne.claim_opinion_score,
  CASE WHEN jsonb_typeof(rv.checks -> 'evaluateScore') = 'number' THEN (rv.checks ->> 'evaluateScore')::float8 END)`;

/** claimOpinionScoreJoins for a written note `n`. */
export const noteScoreJoins = claimOpinionScoreJoins({ postId: Prisma.sql`n.post_id`, text: Prisma.sql`n.text`, submissionId: Prisma.sql`n.submission_id` });

/** A status X gave after ratings: anything but none and needs_more_ratings. */
export const ratedStatus = (column: Prisma.Sql) => Prisma.sql`(${column} IS NOT NULL AND ${column} <> '' AND ${column} <> 'needs_more_ratings')`;

/**
 * An audit event `e` that is a reviewer's decision on a draft, or its undo (lib/review's moves;
 * an undo is recorded by the person who decided, so the two net out per reviewer).
 */
export const isDecision = Prisma.sql`e.action IN ('draft.approve', 'draft.reject', 'draft.skip', 'draft.undoApprove', 'draft.undoReject', 'draft.undoSkip')`;
