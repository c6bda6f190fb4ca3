import { explain } from "./explain";
import type { XProblem } from "./problem";

export const xErrorKinds = [
  "unauthorized",
  "not_note_writer",
  "client_not_enrolled",
  "not_admitted",
  "forbidden",
  "duplicate_note",
  "rate_limited",
  "validation",
  "not_found",
  "server_error",
  "http_error",
  "timeout",
  "network",
  "malformed_response",
] as const;
export type XErrorKind = (typeof xErrorKinds)[number];

export type XApiErrorInit = {
  kind: XErrorKind;
  /** "GET /2/notes/search/notes_written", for logs and the operator. */
  endpoint: string;
  /** null when no HTTP response arrived (timeout, dropped connection, local refusal). */
  httpStatus: number | null;
  problems?: XProblem[];
  /** When a rate-limited caller may try again. */
  resetAt?: Date | null;
  /** For malformed responses: the field that fits no documented variant, e.g. "data[0].info.post_id". */
  fieldPath?: string | null;
  /** How many HTTP attempts were made before giving up (0 when refused locally). */
  attempts?: number;
  message?: string;
  cause?: unknown;
};

/** Every failure of the X client, classified, with the RFC 7807 fields and a plain-words explanation. */
export class XApiError extends Error {
  readonly kind: XErrorKind;
  readonly endpoint: string;
  readonly httpStatus: number | null;
  readonly problems: XProblem[];
  readonly type: string | null;
  readonly title: string | null;
  readonly detail: string | null;
  readonly status: number | null;
  readonly parameter: string | null;
  readonly value: unknown;
  readonly reason: string | null;
  readonly resetAt: Date | null;
  readonly fieldPath: string | null;
  readonly attempts: number;
  /** What happened, for the operator. */
  readonly explanation: string;
  /** What to do about it. */
  readonly fix: string;

  private readonly init: XApiErrorInit;

  constructor(init: XApiErrorInit) {
    const problems = init.problems ?? [];
    const primary = problems[0];
    const { explanation, fix } = explain(init.kind, primary);
    // X's top-level detail is often generic ("One or more parameters … was invalid"); the specifics are in errors[].
    const details = [...new Set(problems.map((p) => p.detail ?? p.title).filter((d): d is string => d !== null))];
    const summary = init.message ?? (details.length > 0 ? details.join(" — ") : explanation);
    const status = init.httpStatus === null ? "" : ` (HTTP ${init.httpStatus})`;
    super(`${init.endpoint}: ${init.kind}${status}: ${summary}`, { cause: init.cause });
    this.name = "XApiError";
    this.init = init;
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.httpStatus = init.httpStatus;
    this.problems = problems;
    this.type = primary?.type ?? null;
    this.title = primary?.title ?? null;
    this.detail = primary?.detail ?? null;
    this.status = primary?.status ?? null;
    const located = problems.find((p) => p.parameter !== null);
    this.parameter = located?.parameter ?? null;
    this.value = located?.value ?? null;
    this.reason = primary?.reason ?? null;
    this.resetAt = init.resetAt ?? null;
    this.fieldPath = init.fieldPath ?? null;
    this.attempts = init.attempts ?? 0;
    this.explanation = explanation;
    this.fix = fix;
  }

  /** The same error, recording how many attempts the transport made before giving up. */
  withAttempts(attempts: number): XApiError {
    return new XApiError({ ...this.init, attempts });
  }
}

export function isXApiError(error: unknown): error is XApiError {
  return error instanceof XApiError;
}

const DUPLICATE_NOTE = /already created a note for this post/i;
const NOT_NOTE_WRITER = /must be an API Note Writer/i;

/**
 * The kind of an HTTP error. Message matches come first because X reuses statuses (a duplicate note and a
 * missing enrollment can both be 4xx). A 403 on a production (`test_mode=false`) call that matches nothing
 * else is the "not admitted yet" refusal: X words it in several ways, but only admitted writers may leave
 * test mode.
 */
export function classifyHttpError(
  httpStatus: number,
  problems: XProblem[],
  context: { testMode?: boolean },
): XErrorKind {
  const texts = problems.flatMap((p) => [p.detail, p.title]).filter((t): t is string => t !== null);
  if (texts.some((t) => DUPLICATE_NOTE.test(t))) return "duplicate_note";
  if (httpStatus === 401) return "unauthorized";
  if (httpStatus === 429) return "rate_limited";
  if (httpStatus >= 500) return "server_error";
  if (httpStatus === 403) {
    if (texts.some((t) => NOT_NOTE_WRITER.test(t))) return "not_note_writer";
    if (problems.some((p) => p.reason === "client-not-enrolled" || p.type?.endsWith("/client-forbidden"))) {
      return "client_not_enrolled";
    }
    if (problems.some((p) => p.type?.endsWith("/unsupported-authentication"))) return "unauthorized";
    if (context.testMode === false) return "not_admitted";
    return "forbidden";
  }
  if (httpStatus === 404) return "not_found";
  if (httpStatus === 400 || httpStatus === 422) return "validation";
  return "http_error";
}
