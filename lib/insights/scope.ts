import { chartWindow, type PeriodUnit } from "@/lib/notes/chart-series";

import type { InsightsQuery } from "./query";

/** What every insight is computed over: one writer, a mode (or both), the period's start and its chart unit. */
export type InsightsScope = { writerId: string; mode: InsightsQuery["mode"]; since: Date | null; unit: PeriodUnit };

export function insightsScope(writerId: string, query: Pick<InsightsQuery, "mode" | "range">, now: Date): InsightsScope {
  const { since, unit } = chartWindow(query.range, now);
  return { writerId, mode: query.mode, since, unit };
}
