import type { DomainError } from "@/lib/errors";

export type ActionErrorCode = "unauthenticated" | "forbidden" | "invalid" | DomainError["code"] | "internal";

/** What every server action returns: the browser gets data or a message it can show, never a stack. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Record<string, string[]> };
