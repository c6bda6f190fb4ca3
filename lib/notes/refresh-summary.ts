import type { RefreshResult } from "./refresh";

export type RefreshSummary = Pick<RefreshResult, "state" | "counts" | "production"> & { message: string };

/** What the person who pressed "Refresh now" is told. */
export function summarizeRefresh(result: Pick<RefreshResult, "state" | "counts" | "production" | "errors">): RefreshSummary {
  const { counts } = result;
  const read = `Read ${counts.notes} note${counts.notes === 1 ? "" : "s"} (${counts.new} new, ${counts.changed} changed)`;
  const production = result.production === "not_admitted" ? " Production is not open to this writer yet, so only test notes were read." : "";
  const failure = result.errors.map((e) => e.message).join(" ");
  const message = result.state === "failed" ? `The refresh did not finish. ${failure} ${read} before that.` : `${read}.${production}`;
  return { state: result.state, counts, production: result.production, message };
}
