import type { ChartRange } from "./filters";

/** Turning SQL's per-period aggregates into continuous series. Pure; works in UTC like the database. */

export type PeriodUnit = "day" | "week";

const DAY = 86_400_000;

export function chartWindow(range: ChartRange, now: Date): { since: Date | null; unit: PeriodUnit } {
  switch (range) {
    case "30d":
      return { since: new Date(now.getTime() - 30 * DAY), unit: "day" };
    case "90d":
      return { since: new Date(now.getTime() - 90 * DAY), unit: "day" };
    case "1y":
      return { since: new Date(now.getTime() - 365 * DAY), unit: "week" };
    case "all":
      return { since: null, unit: "week" };
  }
}

/** Like date_trunc: the UTC day, or the Monday starting the ISO week. */
export function periodStart(at: Date, unit: PeriodUnit): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (unit === "day") return new Date(day);
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY);
}

/** The period (YYYY-MM-DD) a UTC day (YYYY-MM-DD) falls in. */
export function periodOf(day: string, unit: PeriodUnit): string {
  return unit === "day" ? day : periodStart(new Date(`${day}T00:00:00Z`), unit).toISOString().slice(0, 10);
}

/** Every period from the one holding `from` to the one holding `to`, as YYYY-MM-DD. */
export function periodsBetween(from: Date, to: Date, unit: PeriodUnit): string[] {
  const step = unit === "day" ? DAY : 7 * DAY;
  const periods: string[] = [];
  for (let at = periodStart(from, unit).getTime(); at <= to.getTime(); at += step) periods.push(new Date(at).toISOString().slice(0, 10));
  return periods;
}

/**
 * How many notes sat in each status at the end of each period, from the net moves per period
 * (+1 into a status, −1 out of one). Moves before the first period still count: they set the
 * starting level.
 */
export function statusLevels(
  moves: readonly { period: string; status: string; delta: number }[],
  periods: readonly string[],
): { levels: Record<string, number | string>[]; statuses: string[] } {
  const statuses = [...new Set(moves.map((m) => m.status))].sort();
  const level = new Map(statuses.map((s) => [s, 0]));
  const sorted = [...moves].sort((a, b) => a.period.localeCompare(b.period));
  let next = 0;
  const levels = periods.map((period) => {
    for (; next < sorted.length && sorted[next]!.period <= period; next++) {
      const move = sorted[next]!;
      level.set(move.status, (level.get(move.status) ?? 0) + move.delta);
    }
    return { period, ...Object.fromEntries(level) };
  });
  return { levels, statuses };
}
