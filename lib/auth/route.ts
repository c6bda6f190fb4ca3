import "server-only";

import { NextResponse } from "next/server";
import type { z } from "zod";

import type { Role } from "./roles";
import { requireRole, type SessionUser } from "./session";
import { toFailure } from "./action";
import type { ActionErrorCode } from "./action-result";

export const routeRegistry = new Map<string, Role>();

const statusOf: Record<ActionErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  conflict: 409,
  not_found: 404,
  invalid_state: 409,
  unavailable: 503,
  limit_reached: 429,
  blocked: 423,
  internal: 500,
};

/** Route handlers get the same treatment as actions: session, role, zod-parsed query, typed errors. */
export function defineRoute<S extends z.ZodType>(
  spec: { name: string; role: Role; query: S },
  run: (query: z.output<S>, ctx: { user: SessionUser; request: Request }) => Promise<Response>,
): (request: Request) => Promise<Response> {
  routeRegistry.set(spec.name, spec.role);
  return async (request) => {
    try {
      const user = await requireRole(spec.role);
      const params = Object.fromEntries(new URL(request.url).searchParams);
      const parsed = spec.query.safeParse(params);
      if (!parsed.success) throw parsed.error;
      return await run(parsed.data, { user, request });
    } catch (error) {
      const failure = toFailure(spec.name, error);
      if (failure.ok) throw new Error("unreachable");
      return NextResponse.json(failure, { status: statusOf[failure.code] });
    }
  };
}
