import { z } from "zod";

/**
 * A revision's stored local checks, read defensively: drafting writes the full set (lib/drafting
 * DraftChecks plus injection reasons), a human save only length and issues. Unknown shapes show as
 * "no checks" rather than breaking the page.
 */
const checksSchema = z
  .object({
    length: z.union([z.number(), z.object({ count: z.number(), limit: z.number() })]).optional(),
    urls: z.array(z.string()).optional(),
    issues: z.array(z.object({ code: z.string(), message: z.string(), severity: z.enum(["error", "warning"]).catch("warning") })).catch([]),
    duplicate: z.object({ similarity: z.number() }).nullable().optional(),
    evaluateScore: z.number().nullable().optional(),
    injectionReasons: z.array(z.string()).optional(),
  })
  .nullable()
  .catch(null);

export type StoredChecks = NonNullable<z.output<typeof checksSchema>>;

export function readChecks(value: unknown): StoredChecks | null {
  return checksSchema.parse(value ?? null);
}
