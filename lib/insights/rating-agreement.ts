import "server-only";

import { getDb, Prisma } from "@/lib/db";

import { approvedText, summarizeEdits, wordsChanged, type EditSummary } from "./ai-edits";
import type { InsightsScope } from "./scope";
import { scopeWhere } from "./sql";

/**
 * Reviewers' "would I post this as is?" beside what then happened to the draft: the decision that
 * stands and, for approvals, how many words changed between the AI draft they rated and the text
 * approved. Edit distance is computed here (word-level Levenshtein) over the most recent ratings.
 */

export type Decision = "approved" | "rejected" | "undecided";

export type RatingGroupDto = { wouldPost: boolean; ratings: number; decisions: Record<Decision, number>; edits: EditSummary };

export type RecentRatingDto = {
  draftId: string;
  postExcerpt: string;
  reviewer: string;
  wouldPost: boolean;
  ratedAt: string;
  decision: Decision;
  rejectReason: string | null;
  /** Between the rated AI draft and the approved text; null unless approved. */
  wordsChanged: number | null;
  noteId: string | null;
  claimOpinion: string | null;
  status: string | null;
};

export type RatingAgreementDto = { groups: RatingGroupDto[]; recent: RecentRatingDto[]; capped: boolean };

/** Edit distance runs in the app; more ratings than this add little to the medians. */
export const RATINGS_LIMIT = 5_000;
const RECENT = 20;

type Row = Omit<RecentRatingDto, "ratedAt" | "wordsChanged"> & { ratedAt: Date; aiText: string; approvedText: string | null };

export async function ratingAgreement(scope: InsightsScope): Promise<RatingAgreementDto> {
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT d.id AS "draftId", left(p.text, 140) AS "postExcerpt", u.name AS reviewer, r.would_post AS "wouldPost", r.rated_at AS "ratedAt",
      CASE WHEN d.state = 'rejected' THEN 'rejected' WHEN d.decided_at IS NOT NULL THEN 'approved' ELSE 'undecided' END AS decision,
      d.reject_reason AS "rejectReason", rv.text AS "aiText", ${approvedText} AS "approvedText",
      n.id AS "noteId", n.claim_opinion AS "claimOpinion", n.status
    FROM draft_ratings r
    JOIN drafts d ON d.id = r.draft_id
    JOIN revisions rv ON rv.id = r.revision_id
    JOIN users u ON u.id = r.reviewer_id
    JOIN posts p ON p.id = d.post_id
    LEFT JOIN submissions s ON s.draft_id = d.id AND d.decided_at IS NOT NULL AND d.state <> 'rejected'
    LEFT JOIN written_notes n ON n.submission_id = s.id
    WHERE ${scopeWhere(scope, "d", Prisma.sql`r.rated_at`)}
    ORDER BY r.rated_at DESC, r.draft_id, r.reviewer_id
    LIMIT ${RATINGS_LIMIT}`;

  const groups = [true, false].map((wouldPost): RatingGroupDto => {
    const mine = rows.filter((row) => row.wouldPost === wouldPost);
    const approved = mine.filter((row) => row.decision === "approved" && row.approvedText !== null);
    return {
      wouldPost,
      ratings: mine.length,
      decisions: {
        approved: mine.filter((row) => row.decision === "approved").length,
        rejected: mine.filter((row) => row.decision === "rejected").length,
        undecided: mine.filter((row) => row.decision === "undecided").length,
      },
      edits: summarizeEdits(approved.map((row) => ({ aiText: row.aiText, approvedText: row.approvedText ?? "" }))),
    };
  });

  return {
    groups,
    recent: rows.slice(0, RECENT).map(({ aiText, approvedText: approved, ratedAt, ...row }) => ({
      ...row,
      ratedAt: ratedAt.toISOString(),
      wordsChanged: row.decision === "approved" && approved !== null ? wordsChanged(aiText, approved) : null,
    })),
    capped: rows.length === RATINGS_LIMIT,
  };
}
