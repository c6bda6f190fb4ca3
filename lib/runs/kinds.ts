/**
 * The kinds of run and the Runs page's filter, as plain data: the page's client components read
 * them too.
 */
export const runKinds = ["sync", "draft", "shadow", "notes_refresh"] as const;
export type RunKind = (typeof runKinds)[number];

/** Which runs the Runs page lists; unset fields list every kind or writer. */
export type RunsFilter = { kind?: RunKind; writer?: string };

/** The filter as a query string ("" or "?kind=…&writer=…"), for the page's URL and its polling. */
export function runsSearch(filter: RunsFilter): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.writer) params.set("writer", filter.writer);
  const search = params.toString();
  return search ? `?${search}` : "";
}
