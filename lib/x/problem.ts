import { z } from "zod";

/**
 * One error as X reports it: an RFC 7807 problem (`type`, `title`, `detail`, …), a legacy `{code, message}`
 * object, or the v2 validation shape `{message, parameters}`. Folded into one shape so callers never care which.
 */
export type XProblem = {
  type: string | null;
  title: string | null;
  detail: string | null;
  status: number | null;
  parameter: string | null;
  value: unknown;
  reason: string | null;
  /** Legacy v1.1-style error code. */
  code: number | null;
};

export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
  parameter: z.string().optional(),
  value: z.unknown().optional(),
  reason: z.string().optional(),
  code: z.number().optional(),
  message: z.string().optional(),
  /** X's v2 validation errors: `{"parameters": {"max_results": ["500"]}, "message": "…"}`. */
  parameters: z.record(z.string(), z.array(z.unknown())).optional(),
});

export type RawProblem = z.infer<typeof problemSchema>;

export function toProblem(raw: RawProblem): XProblem {
  const [listedParameter, listedValues] = Object.entries(raw.parameters ?? {})[0] ?? [];
  return {
    type: raw.type ?? null,
    title: raw.title ?? null,
    detail: raw.detail ?? raw.message ?? null,
    status: raw.status ?? null,
    parameter: raw.parameter ?? listedParameter ?? null,
    value: raw.value ?? listedValues?.[0] ?? null,
    reason: raw.reason ?? null,
    code: raw.code ?? null,
  };
}

function looksLikeProblem(raw: RawProblem): boolean {
  return [raw.type, raw.title, raw.detail, raw.message].some((field) => field !== undefined);
}

/**
 * Every problem in an error body: the top-level problem first (when the body is one), then `errors[]`.
 * Error bodies are read leniently: an odd body still leaves the HTTP status to classify by.
 */
export function problemsFromBody(body: unknown): XProblem[] {
  const problems: XProblem[] = [];
  const top = problemSchema.safeParse(body);
  if (top.success && looksLikeProblem(top.data)) problems.push(toProblem(top.data));
  const listed = z.looseObject({ errors: z.array(z.unknown()) }).safeParse(body);
  for (const entry of listed.success ? listed.data.errors : []) {
    const parsed = problemSchema.safeParse(entry);
    if (parsed.success && looksLikeProblem(parsed.data)) problems.push(toProblem(parsed.data));
  }
  return problems;
}
