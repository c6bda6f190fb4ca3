import "server-only";

import { z } from "zod";

import { DomainError } from "@/lib/errors";

import type { ActionResult } from "./action-result";
import { AuthError } from "./errors";
import type { Role } from "./roles";
import { requireRole, type SessionUser } from "./session";

export type { ActionErrorCode, ActionResult } from "./action-result";

export type ActionSpec<S extends z.ZodType> = {
  /** Unique, stable name: it is the row key in the authorization matrix. */
  name: string;
  role: Role;
  input: S;
};

/** Every action ever defined, with the role it requires: what the authorization matrix test walks. */
export const actionRegistry = new Map<string, Role>();

/**
 * Wraps a server action: session and role first, then the zod parse, then the domain call.
 * The page that calls an action is never trusted; the action checks everything itself.
 */
export function defineAction<S extends z.ZodType, T>(
  spec: ActionSpec<S>,
  run: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  actionRegistry.set(spec.name, spec.role);
  return async (raw) => {
    try {
      const user = await requireRole(spec.role);
      const parsed = spec.input.safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      return { ok: true, data: await run(parsed.data, { user }) };
    } catch (error) {
      return toFailure(spec.name, error);
    }
  };
}

function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const message = first ? `${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}` : "Invalid input";
  return { ok: false, code: "invalid", message, fieldErrors };
}

export function toFailure(name: string, error: unknown): ActionResult<never> {
  if (error instanceof AuthError) return { ok: false, code: error.code, message: error.message };
  if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message };
  if (error instanceof z.ZodError) return invalid(error);
  console.error(`[action ${name}]`, error);
  return { ok: false, code: "internal", message: "Something went wrong on the server; it has been logged. Try again." };
}
