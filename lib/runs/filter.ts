import { z } from "zod";

import { runKinds, type RunsFilter } from "./kinds";

/** A value that does not parse is dropped, so an old or hand-edited link still opens the page. */
export const runsFilterSchema = z.object({
  kind: z.enum(runKinds).optional().catch(undefined),
  writer: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/).optional().catch(undefined),
}) satisfies z.ZodType<RunsFilter>;

/** Next's searchParams: a repeated key counts once (the first). */
export function parseRunsFilter(params: Record<string, string | string[] | undefined>): RunsFilter {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return runsFilterSchema.parse({ kind: first(params.kind), writer: first(params.writer) });
}
