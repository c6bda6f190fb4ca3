import "server-only";

import { Prisma } from "./generated/client";

/** The SQLSTATE notedesk_assert raises (migration sql_assertion). */
const ASSERTION_FAILED = "ND001";

/**
 * A condition a statement checks about its own effects (say, "both rows moved"), as an expression
 * for its SELECT list: false fails the statement, rolling back its transaction, COMMIT included when
 * that was sent behind it. `refusal` comes back from refusalOf.
 */
export function sqlAssertion(holds: Prisma.Sql, refusal: string): Prisma.Sql {
  return Prisma.sql`notedesk_assert(${holds}, ${refusal}::text)`;
}

/** The refusal of a failed sqlAssertion, or null for any other error. */
export function refusalOf(error: unknown): string | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === ASSERTION_FAILED && typeof message === "string" ? message : null;
}
