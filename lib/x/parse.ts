import type { z } from "zod";

import { XApiError } from "./errors";

type Issue = z.core.$ZodIssue;

/** ["data", 0, "info", "post_id"] → "data[0].info.post_id" */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/**
 * The issue to report. For a union that fits no variant, the variant that got furthest into the value
 * (its first issue has the longest path) names the field most precisely.
 */
function deepestIssue(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const candidates = issue.errors
      .map((branch) => branch[0])
      .filter((first): first is Issue => first !== undefined)
      .map(deepestIssue);
    const best = candidates.reduce((a, b) => (b.path.length > a.path.length ? b : a));
    return { path: [...issue.path, ...best.path], message: best.message };
  }
  return { path: [...issue.path], message: issue.message };
}

/** A body that fits no documented variant becomes a `malformed_response` naming the offending field. */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  response: { body: unknown; endpoint: string; status: number; attempts: number },
): z.output<Schema> {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const { path, message } = first ? deepestIssue(first) : { path: [], message: "invalid response" };
  const fieldPath = path.length === 0 ? "(body)" : formatFieldPath(path);
  throw new XApiError({
    kind: "malformed_response",
    endpoint: response.endpoint,
    httpStatus: response.status,
    attempts: response.attempts,
    fieldPath,
    message: `${fieldPath}: ${message}`,
  });
}
