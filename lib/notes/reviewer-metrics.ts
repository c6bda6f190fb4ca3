import "server-only";

import { getDb, Prisma } from "@/lib/db";

import { chartWindow } from "./chart-series";
import type { BucketCounts } from "./dto";
import { median, wordEditDistance } from "./edit-distance";
import type { ChartRange, NoteOrigin } from "./filters";
import { isDecision, origin, originJoins, ratedStatus, sentText } from "./sql";

export type ReviewerRowDto = {
  id: string;
  name: string;
  /** Approvals, rejections and skips, less the ones the reviewer undid. */
  approved: number;
  rejected: number;
  skipped: number;
  decisions: number;
  /** Median time from the AI's draft to the reviewer's approval or rejection. */
  medianQueueSeconds: number | null;
  /** Of the notes they approved that started from an AI draft, how many went out unedited. */
  approvedFromAi: number;
  approvedUnedited: number;
  /** Words changed between the AI draft and the sent note, over the edited notes they approved. */
  medianWordsChanged: number | null;
  meanWordsChanged: number | null;
};

export type OutcomeRowDto = {
  origin: NoteOrigin;
  notes: number;
  claimOpinion: BucketCounts;
  /** Scored notes and the high ones, per evaluator. */
  urlValidity: { scored: number; high: number };
  harassmentAbuse: { scored: number; high: number };
  /** Production notes, those with a status other than NMR, and the helpful / not helpful among them. */
  production: number;
  rated: number;
  helpful: number;
  notHelpful: number;
};

export type ReviewerMetricsDto = { reviewers: ReviewerRowDto[]; outcomes: OutcomeRowDto[]; editedPairs: number; editedPairsCapped: boolean };

/** Edit distance is computed in the app over the most recent edited notes; more adds little to a median. */
const EDIT_PAIRS_LIMIT = 5_000;

type DecisionRow = Omit<ReviewerRowDto, "medianWordsChanged" | "meanWordsChanged">;

type OutcomeRow = Pick<OutcomeRowDto, "origin" | "notes" | "production" | "rated" | "helpful" | "notHelpful"> &
  Record<"coHigh" | "coMedium" | "coLow" | "coUnscored" | "uvScored" | "uvHigh" | "haScored" | "haHigh", number>;

/**
 * The feedback loop: how each reviewer decides, how much they change the AI's drafts, and how notes
 * fared by whether a person edited them. Counting is done in SQL; only the word-level edit distance
 * runs here, over (draft, sent) text pairs.
 */
export async function reviewerMetrics(writerId: string, range: ChartRange, now = new Date()): Promise<ReviewerMetricsDto> {
  const { since } = chartWindow(range, now);
  const decidedSince = since ? Prisma.sql`AND e.at >= ${since}` : Prisma.empty;
  const approvedSince = since ? Prisma.sql`AND s.created_at >= ${since}` : Prisma.empty;
  const db = getDb();

  const [decisions, pairs, outcomes] = await Promise.all([
    db.$queryRaw<DecisionRow[]>`
      WITH decisions AS (
        SELECT e.actor_id, e.action, e.at, r1.created_at AS drafted_at
        FROM audit_events e
        JOIN drafts d ON d.id = e.subject_id AND d.writer_id = ${writerId}
        LEFT JOIN revisions r1 ON r1.draft_id = d.id AND r1.number = 1
        WHERE e.subject_type = 'draft' AND e.actor_id IS NOT NULL AND ${isDecision} ${decidedSince}
      ),
      per_reviewer AS (
        SELECT actor_id,
          sum(CASE action WHEN 'draft.approve' THEN 1 WHEN 'draft.undoApprove' THEN -1 ELSE 0 END)::int AS approved,
          sum(CASE action WHEN 'draft.reject' THEN 1 WHEN 'draft.undoReject' THEN -1 ELSE 0 END)::int AS rejected,
          sum(CASE action WHEN 'draft.skip' THEN 1 WHEN 'draft.undoSkip' THEN -1 ELSE 0 END)::int AS skipped,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - drafted_at))
            FILTER (WHERE action IN ('draft.approve', 'draft.reject') AND drafted_at IS NOT NULL) AS median_queue_seconds
        FROM decisions GROUP BY actor_id
      ),
      approvals AS (
        SELECT s.approved_by_id AS actor_id,
          count(*) FILTER (WHERE o.origin IN ('unedited', 'edited'))::int AS from_ai,
          count(*) FILTER (WHERE o.origin = 'unedited')::int AS unedited
        FROM written_notes n ${originJoins}
        CROSS JOIN LATERAL (SELECT ${origin} AS origin) o
        WHERE n.writer_id = ${writerId} AND s.id IS NOT NULL ${approvedSince}
        GROUP BY s.approved_by_id
      )
      SELECT u.id, u.name, coalesce(p.approved, 0) AS approved, coalesce(p.rejected, 0) AS rejected, coalesce(p.skipped, 0) AS skipped,
        (coalesce(p.approved, 0) + coalesce(p.rejected, 0) + coalesce(p.skipped, 0))::int AS decisions,
        p.median_queue_seconds::float8 AS "medianQueueSeconds",
        coalesce(a.from_ai, 0) AS "approvedFromAi", coalesce(a.unedited, 0) AS "approvedUnedited"
      FROM users u
      LEFT JOIN per_reviewer p ON p.actor_id = u.id
      LEFT JOIN approvals a ON a.actor_id = u.id
      WHERE p.actor_id IS NOT NULL OR a.actor_id IS NOT NULL
      ORDER BY decisions DESC, u.name`,
    db.$queryRaw<{ reviewerId: string; drafted: string; sent: string }[]>`
      SELECT s.approved_by_id AS "reviewerId", r1.text AS drafted, ${sentText} AS sent
      FROM written_notes n ${originJoins}
      WHERE n.writer_id = ${writerId} AND ${origin} = 'edited' ${approvedSince}
      ORDER BY s.created_at DESC
      LIMIT ${EDIT_PAIRS_LIMIT}`,
    db.$queryRaw<OutcomeRow[]>`
      SELECT o.origin, count(*)::int AS notes,
        count(*) FILTER (WHERE n.claim_opinion = 'high')::int AS "coHigh",
        count(*) FILTER (WHERE n.claim_opinion = 'medium')::int AS "coMedium",
        count(*) FILTER (WHERE n.claim_opinion = 'low')::int AS "coLow",
        count(*) FILTER (WHERE n.claim_opinion = 'unknown')::int AS "coUnscored",
        count(*) FILTER (WHERE n.url_validity IN ('high', 'medium', 'low'))::int AS "uvScored",
        count(*) FILTER (WHERE n.url_validity = 'high')::int AS "uvHigh",
        count(*) FILTER (WHERE n.harassment_abuse IN ('high', 'medium', 'low'))::int AS "haScored",
        count(*) FILTER (WHERE n.harassment_abuse = 'high')::int AS "haHigh",
        count(*) FILTER (WHERE NOT n.test_mode)::int AS production,
        count(*) FILTER (WHERE NOT n.test_mode AND ${ratedStatus(Prisma.sql`n.status`)})::int AS rated,
        count(*) FILTER (WHERE NOT n.test_mode AND n.status = 'currently_rated_helpful')::int AS helpful,
        count(*) FILTER (WHERE NOT n.test_mode AND n.status = 'currently_rated_not_helpful')::int AS "notHelpful"
      FROM written_notes n ${originJoins}
      CROSS JOIN LATERAL (SELECT ${origin} AS origin) o
      WHERE n.writer_id = ${writerId} ${since ? Prisma.sql`AND coalesce(s.created_at, n.first_seen_at) >= ${since}` : Prisma.empty}
      GROUP BY o.origin
      ORDER BY o.origin`,
  ]);

  const changedBy = new Map<string, number[]>();
  for (const pair of pairs) {
    const list = changedBy.get(pair.reviewerId) ?? [];
    list.push(wordEditDistance(pair.drafted, pair.sent));
    changedBy.set(pair.reviewerId, list);
  }

  return {
    reviewers: decisions.map((row) => {
      const changes = changedBy.get(row.id) ?? [];
      return {
        ...row,
        medianWordsChanged: median(changes),
        meanWordsChanged: changes.length ? changes.reduce((sum, n) => sum + n, 0) / changes.length : null,
      };
    }),
    outcomes: outcomes.map((row) => ({
      origin: row.origin,
      notes: row.notes,
      claimOpinion: { high: row.coHigh, medium: row.coMedium, low: row.coLow, unscored: row.coUnscored },
      urlValidity: { scored: row.uvScored, high: row.uvHigh },
      harassmentAbuse: { scored: row.haScored, high: row.haHigh },
      production: row.production,
      rated: row.rated,
      helpful: row.helpful,
      notHelpful: row.notHelpful,
    })),
    editedPairs: pairs.length,
    editedPairsCapped: pairs.length === EDIT_PAIRS_LIMIT,
  };
}
