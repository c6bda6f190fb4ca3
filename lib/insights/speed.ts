import "server-only";

import { getDb, Prisma } from "@/lib/db";
import { periodsBetween } from "@/lib/notes/chart-series";

import type { Percentiles, SpeedDto, SpeedMeasureId } from "./dto";
import type { InsightsScope } from "./scope";
import { scopeWhere } from "./sql";

/**
 * How fast posts become notes, as medians and 90th percentiles (percentile_cont, in SQL) per day or
 * week and over the whole period, each measure bucketed by when its event happened:
 *
 * - postAge: post age when X accepted the note: submission completed_at − post posted_at (else when
 *   Notedesk first saw the post); by completed_at.
 * - queue: time in the queue: a decision (approval or rejection that stands, drafts.decided_at) − the
 *   draft's last entry into the queue before it (the audit event of the AI's draft, or of a reopen);
 *   by decided_at. Skips keep the clock running.
 * - draftToDecision: decided_at − when the draft was created (the post taken up for drafting), so
 *   it includes waiting for the drafter; by decided_at.
 */
export async function speed(scope: InsightsScope, now: Date): Promise<SpeedDto> {
  const [postAge, decisions] = await Promise.all([
    percentilesByPeriod(
      scope,
      ["postAge"],
      Prisma.sql`
        SELECT s.completed_at AS at, extract(epoch FROM s.completed_at - coalesce(p.posted_at, p.first_seen_at))::float8 AS "postAge"
        FROM submissions s JOIN posts p ON p.id = s.post_id
        WHERE s.state = 'succeeded' AND s.completed_at IS NOT NULL AND ${scopeWhere(scope, "s", Prisma.sql`s.completed_at`)}`,
    ),
    percentilesByPeriod(
      scope,
      ["queue", "draftToDecision"],
      Prisma.sql`
        SELECT d.decided_at AS at,
          extract(epoch FROM d.decided_at - entry.at)::float8 AS queue,
          extract(epoch FROM d.decided_at - d.created_at)::float8 AS "draftToDecision"
        FROM drafts d
        LEFT JOIN LATERAL (
          SELECT max(ae.at) AS at FROM audit_events ae
          WHERE ae.subject_type = 'draft' AND ae.subject_id = d.id AND ae.at <= d.decided_at
            AND ae.action IN ('draft.draft', 'draft.reopenNoNote', 'draft.reopenFailed')
        ) entry ON true
        WHERE d.decided_at IS NOT NULL AND ${scopeWhere(scope, "d", Prisma.sql`d.decided_at`)}`,
    ),
  ]);
  const all = { ...postAge, ...decisions } as Record<SpeedMeasureId, MeasureRows>;
  const firstPeriod = scope.since ?? earliest(Object.values(all).flatMap((rows) => rows.points.map((p) => p.period))) ?? now;
  const periods = periodsBetween(firstPeriod, now, scope.unit);
  const fill = ({ overall, points }: MeasureRows) => {
    const byPeriod = new Map(points.map((point) => [point.period, point]));
    return { overall, points: periods.map((period) => byPeriod.get(period) ?? { period, n: 0, median: null, p90: null }) };
  };
  return { unit: scope.unit, measures: { postAge: fill(all.postAge), queue: fill(all.queue), draftToDecision: fill(all.draftToDecision) } };
}

type MeasureRows = { overall: Percentiles; points: ({ period: string } & Percentiles)[] };

/**
 * `events` yields `at` and a column of seconds per measure; one row per period comes back, plus the
 * whole period's row (GROUPING SETS), so the overall figures are true percentiles, not an average of
 * the periods'.
 */
async function percentilesByPeriod<M extends SpeedMeasureId>(scope: InsightsScope, measures: M[], events: Prisma.Sql): Promise<Record<M, MeasureRows>> {
  const columns = measures.map((measure) => {
    const value = Prisma.raw(`ev."${measure}"`);
    return Prisma.sql`count(${value})::int AS ${Prisma.raw(`"${measure}N"`)},
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value}) AS ${Prisma.raw(`"${measure}Median"`)},
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${value}) AS ${Prisma.raw(`"${measure}P90"`)}`;
  });
  const rows = await getDb().$queryRaw<Record<string, string | number | null>[]>`
    SELECT ev.period, ${Prisma.join(columns)}
    FROM (SELECT to_char(date_trunc(${scope.unit}, x.at), 'YYYY-MM-DD') AS period, x.* FROM (${events}) x) ev
    GROUP BY GROUPING SETS ((ev.period), ())
    ORDER BY ev.period NULLS FIRST`;
  const result = {} as Record<M, MeasureRows>;
  for (const measure of measures) {
    const of = (row: Record<string, string | number | null>): Percentiles => ({
      n: Number(row[`${measure}N`] ?? 0),
      median: row[`${measure}Median`] === null ? null : Number(row[`${measure}Median`]),
      p90: row[`${measure}P90`] === null ? null : Number(row[`${measure}P90`]),
    });
    const overall = rows.find((row) => row.period === null);
    result[measure] = {
      overall: overall ? of(overall) : { n: 0, median: null, p90: null },
      points: rows.filter((row) => row.period !== null && of(row).n > 0).map((row) => ({ period: String(row.period), ...of(row) })),
    };
  }
  return result;
}

function earliest(periods: string[]): Date | null {
  const first = [...periods].sort()[0];
  return first ? new Date(`${first}T00:00:00Z`) : null;
}
