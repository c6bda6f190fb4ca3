import { z } from "zod";

import { chartRanges } from "@/lib/notes/filters";

import { funnelStepIds } from "./funnel-labels";

/**
 * The insights page's state, all of it in the URL: writer, mode, period and the funnel step (and
 * reason) whose drop-outs are open. Parsed with zod; a value that does not parse falls back to its
 * default, so an old or hand-edited link still opens.
 */
export const insightsQuerySchema = z.object({
  writer: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/).optional().catch(undefined),
  mode: z.enum(["all", "test", "production"]).default("all").catch("all"),
  /** The period: posts first seen, drafts decided, notes sent in the last … (the notes page's ranges). */
  range: z.enum(chartRanges).default("90d").catch("90d"),
  /** A funnel step: the drill-down lists the posts that reached the step before it and stopped there. */
  step: z.enum(funnelStepIds).optional().catch(undefined),
  reason: z.string().regex(/^[a-z0-9_]{1,64}$/).optional().catch(undefined),
});

export type InsightsQuery = z.output<typeof insightsQuerySchema>;

type SearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams: a repeated key counts once (the first), an empty one is unset. */
export function parseInsightsQuery(params: SearchParams): InsightsQuery {
  const flat = Object.fromEntries(
    Object.entries(params)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const)
      .filter(([, value]) => value !== undefined && value !== ""),
  );
  return insightsQuerySchema.parse(flat);
}

const defaults = insightsQuerySchema.parse({});

/**
 * The insights page with `changes` applied; defaults are left out to keep links short. A new step
 * drops the reason, which belongs to the step it was chosen in.
 */
export function insightsHref(query: InsightsQuery, changes: Partial<Record<keyof InsightsQuery, string | undefined>>): string {
  const values: Record<string, string | undefined> = { ...query, ...changes };
  if ("step" in changes && !("reason" in changes)) values.reason = undefined;
  const params = new URLSearchParams();
  for (const key of ["writer", "mode", "range", "step", "reason"] as const) {
    const value = values[key];
    if (value === undefined || value === "" || value === defaults[key]) continue;
    params.set(key, value);
  }
  const search = params.toString();
  return search ? `/insights?${search}` : "/insights";
}
