import "server-only";

import { getDb, Prisma } from "@/lib/db";

import { chartWindow, periodOf, periodsBetween, statusLevels } from "./chart-series";
import type { BucketCounts, ChartsDto } from "./dto";
import type { NotesQuery } from "./filters";
import { rememberNotesData } from "./memo";
import { claimOpinionScore, noteScoreJoins, ratedStatus, writtenAt } from "./sql";
import { statusMovesByDay } from "./status-history";

type CohortRow = {
  period: string;
  written: number;
  rated: number;
  helpful: number;
  notHelpful: number;
} & Partial<Record<`${"co" | "uv" | "ha"}${"High" | "Medium" | "Low" | "Unscored"}`, number>>;

const evaluatorColumns = { ClaimOpinion: ["co", "claim_opinion"], UrlValidity: ["uv", "url_validity"], HarassmentAbuse: ["ha", "harassment_abuse"] } as const;
const bucketNames = { High: "high", Medium: "medium", Low: "low", Unscored: "unknown" } as const;

/** The charts for the notes page, computed once per change of the writer's notes (see memo.ts). */
export function notesCharts(writerId: string, query: Pick<NotesQuery, "mode" | "range">): Promise<ChartsDto> {
  return rememberNotesData(writerId, `charts:${query.mode}:${query.range}`, () => computeNotesCharts(writerId, query, new Date()));
}

/**
 * Everything the charts draw, aggregated in SQL (date_trunc … GROUP BY), each query returning a row
 * per period (or bin), never a row per note or snapshot: buckets and the helpful share by the period
 * notes were written, the status history from status-history.ts, and scores against buckets.
 */
export async function computeNotesCharts(writerId: string, query: Pick<NotesQuery, "mode" | "range">, now: Date): Promise<ChartsDto> {
  const { since, unit } = chartWindow(query.range, now);
  const modeFilter = query.mode === "all" ? Prisma.empty : Prisma.sql`AND n.test_mode = ${query.mode === "test"}`;
  const sinceFilter = since ? Prisma.sql`AND ${writtenAt} >= ${since}` : Prisma.empty;
  const db = getDb();

  const bucketCounts = Object.values(evaluatorColumns).flatMap(([alias, column]) =>
    Object.entries(bucketNames).map(
      ([name, bucket]) => Prisma.sql`count(*) FILTER (WHERE n.${Prisma.raw(column)} = ${bucket})::int AS ${Prisma.raw(`"${alias}${name}"`)}`,
    ),
  );

  const [cohorts, dailyMoves, scores] = await Promise.all([
    db.$queryRaw<CohortRow[]>`
      SELECT to_char(date_trunc(${unit}, ${writtenAt}), 'YYYY-MM-DD') AS period,
        ${Prisma.join(bucketCounts)},
        count(*) FILTER (WHERE NOT n.test_mode)::int AS written,
        count(*) FILTER (WHERE NOT n.test_mode AND ${ratedStatus(Prisma.sql`n.status`)})::int AS rated,
        count(*) FILTER (WHERE NOT n.test_mode AND n.status = 'currently_rated_helpful')::int AS helpful,
        count(*) FILTER (WHERE NOT n.test_mode AND n.status = 'currently_rated_not_helpful')::int AS "notHelpful"
      FROM written_notes n LEFT JOIN submissions s ON s.id = n.submission_id
      WHERE n.writer_id = ${writerId} ${modeFilter} ${sinceFilter}
      GROUP BY 1 ORDER BY 1`,
    statusMovesByDay(writerId),
    db.$queryRaw<({ bin: number } & BucketCounts)[]>`
      SELECT greatest(-3, least(3, floor(score.value * 2) / 2))::float8 AS bin,
        count(*) FILTER (WHERE n.claim_opinion = 'high')::int AS high,
        count(*) FILTER (WHERE n.claim_opinion = 'medium')::int AS medium,
        count(*) FILTER (WHERE n.claim_opinion = 'low')::int AS low,
        count(*) FILTER (WHERE n.claim_opinion IS NULL OR n.claim_opinion NOT IN ('high', 'medium', 'low'))::int AS unscored
      FROM written_notes n
      LEFT JOIN submissions s ON s.id = n.submission_id
      ${noteScoreJoins}
      CROSS JOIN LATERAL (SELECT ${claimOpinionScore} AS value) score
      WHERE n.writer_id = ${writerId} AND score.value IS NOT NULL ${modeFilter} ${sinceFilter}
      GROUP BY 1 ORDER BY 1`,
  ]);

  const moves = dailyMoves.map(({ day, status, delta }) => ({ period: periodOf(day, unit), status, delta }));
  const firstPeriod = since ?? earliest([cohorts[0]?.period, ...moves.map((m) => m.period)]) ?? now;
  const periods = periodsBetween(firstPeriod, now, unit);
  const cohortOf = new Map(cohorts.map((row) => [row.period, row]));
  const filled = periods.map((period): CohortRow => cohortOf.get(period) ?? { period, written: 0, rated: 0, helpful: 0, notHelpful: 0 });
  const { levels, statuses } = statusLevels(moves, periods);

  return {
    unit,
    buckets: {
      ClaimOpinion: filled.map((row) => bucketsOf(row, "co")),
      UrlValidity: filled.map((row) => bucketsOf(row, "uv")),
      HarassmentAbuse: filled.map((row) => bucketsOf(row, "ha")),
    },
    statuses: { series: statuses, points: levels },
    helpful: filled.map(({ period, written, rated, helpful, notHelpful }) => ({
      period, written, rated, helpful, notHelpful, share: rated === 0 ? null : helpful / rated,
    })),
    scores,
  };
}

function bucketsOf(row: CohortRow, alias: "co" | "uv" | "ha"): BucketCounts & { period: string } {
  return {
    period: row.period,
    high: row[`${alias}High`] ?? 0,
    medium: row[`${alias}Medium`] ?? 0,
    low: row[`${alias}Low`] ?? 0,
    unscored: row[`${alias}Unscored`] ?? 0,
  };
}

function earliest(periods: (string | undefined)[]): Date | null {
  const known = periods.filter((p): p is string => p !== undefined).sort();
  return known[0] ? new Date(`${known[0]}T00:00:00Z`) : null;
}
