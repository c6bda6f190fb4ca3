import "server-only";

import { getDb, Prisma } from "@/lib/db";
import { claimOpinionScore, noteScoreJoins, ratedStatus, sentText, writtenAt } from "@/lib/notes/sql";

import { aiDraftJoin } from "./ai-edits";
import { compareRates, rateOf, type Comparison, type RateDto } from "./rates";
import type { InsightsScope } from "./scope";
import { scopeWhere } from "./sql";
import { triageJoin, triageMachineVerdict } from "./triage-sql";

/**
 * Which signals known before a note went out predict how it fared. Each signal splits the written
 * notes (a reviewer's rating: the ratings) in two, and for each half: how many ClaimOpinion results
 * came back high, and how many rated production notes X rates helpful. Counted in SQL.
 */

export const signalIds = ["rating", "unedited", "checks_clean", "score_ok", "triage_in"] as const;
export type SignalId = (typeof signalIds)[number];

export const signalLabels: Record<SignalId, { label: string; yes: string; no: string; unit: "ratings" | "notes" }> = {
  rating: { label: "Reviewer: would post as is", yes: "yes", no: "no", unit: "ratings" },
  unedited: { label: "Sent as the AI drafted it", yes: "unedited", no: "edited", unit: "notes" },
  checks_clean: { label: "Local checks found no issue", yes: "no issue", no: "an issue", unit: "notes" },
  score_ok: { label: "evaluate_note score ≥ 0", yes: "≥ 0", no: "< 0", unit: "notes" },
  triage_in: { label: "Triage judged the post checkable", yes: "in", no: "out", unit: "notes" },
};

export type SignalSideDto = { count: number; evaluatorHigh: RateDto; helpful: RateDto };

export type SignalRowDto = {
  signal: SignalId;
  yes: SignalSideDto;
  no: SignalSideDto;
  /** Whether "yes" has clearly more evaluator-high results / helpful ratings than "no". */
  evaluatorHigh: Comparison;
  helpful: Comparison;
};

type Row = { signal: SignalId; value: boolean; count: number; coScored: number; coHigh: number; rated: number; helpful: number };

export async function signalAgreement(scope: InsightsScope): Promise<SignalRowDto[]> {
  const rows = await getDb().$queryRaw<Row[]>`
    WITH notes AS (
      SELECT d.id AS draft_id,
        n.claim_opinion IN ('high', 'medium', 'low') AS co_scored,
        n.claim_opinion = 'high' AS co_high,
        NOT n.test_mode AND ${ratedStatus(Prisma.sql`n.status`)} AS rated,
        n.status = 'currently_rated_helpful' AS helpful,
        CASE WHEN ai.id IS NOT NULL THEN btrim(${sentText}) = btrim(ai.text) END AS unedited,
        CASE WHEN jsonb_typeof(ai.checks -> 'issues') = 'array' THEN jsonb_array_length(ai.checks -> 'issues') = 0 END AS checks_clean,
        ${claimOpinionScore} >= 0 AS score_ok,
        ${triageMachineVerdict} = 'in' AS triage_in
      FROM written_notes n
      LEFT JOIN submissions s ON s.id = n.submission_id
      LEFT JOIN drafts d ON d.id = s.draft_id
      ${aiDraftJoin}
      LEFT JOIN posts p ON p.id = n.post_id
      ${triageJoin}
      ${noteScoreJoins}
      WHERE ${scopeWhere(scope, "n", writtenAt)}
    ),
    split AS (
      SELECT v.signal, v.value, notes.* FROM notes
      CROSS JOIN LATERAL (VALUES ('unedited', unedited), ('checks_clean', checks_clean), ('score_ok', score_ok), ('triage_in', triage_in)) v(signal, value)
      UNION ALL
      SELECT 'rating', r.would_post, notes.* FROM notes JOIN draft_ratings r ON r.draft_id = notes.draft_id
    )
    SELECT signal, value, count(*)::int AS count,
      count(*) FILTER (WHERE co_scored)::int AS "coScored",
      count(*) FILTER (WHERE co_high)::int AS "coHigh",
      count(*) FILTER (WHERE rated)::int AS rated,
      count(*) FILTER (WHERE rated AND helpful)::int AS helpful
    FROM split WHERE value IS NOT NULL
    GROUP BY 1, 2`;

  return signalIds.map((signal) => {
    const side = (value: boolean): SignalSideDto => {
      const row = rows.find((r) => r.signal === signal && r.value === value);
      return { count: row?.count ?? 0, evaluatorHigh: rateOf(row?.coHigh ?? 0, row?.coScored ?? 0), helpful: rateOf(row?.helpful ?? 0, row?.rated ?? 0) };
    };
    const yes = side(true);
    const no = side(false);
    return { signal, yes, no, evaluatorHigh: compareRates(yes.evaluatorHigh, no.evaluatorHigh), helpful: compareRates(yes.helpful, no.helpful) };
  });
}
