import { DomainError } from "@/lib/errors";

import { Prisma } from "./generated/client";

/** Database failures in the terms a person using Notedesk understands. */

export class ConflictError extends DomainError {
  constructor(message = "That already exists.", options?: ErrorOptions) {
    super("conflict", message);
    this.name = "ConflictError";
    this.cause = options?.cause;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "That no longer exists.", options?: ErrorOptions) {
    super("not_found", message);
    this.name = "NotFoundError";
    this.cause = options?.cause;
  }
}

/** The message is for the person at the screen; the cause (host, port, driver error) is for the log. */
export class DatabaseUnavailableError extends DomainError {
  constructor(message = "The database cannot be reached right now. Try again in a moment.", options?: ErrorOptions) {
    super("unavailable", message);
    this.name = "DatabaseUnavailableError";
    this.cause = options?.cause;
  }
}

// P1001 unreachable, P1002 timed out, P1003 no such database, P1008 operation timed out, P1017 connection closed.
const UNAVAILABLE = new Set(["P1001", "P1002", "P1003", "P1008", "P1017"]);

/**
 * The domain error for a Prisma error, or the error unchanged when it has no meaning beyond
 * "something broke" (those are logged and answered with a generic message).
 */
export function mapDbError(error: unknown): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  const model = typeof error.meta?.modelName === "string" ? error.meta.modelName.toLowerCase() : "record";
  const options = { cause: error };
  if (error.code === "P2002") return new ConflictError(`That ${model} already exists.`, options);
  if (error.code === "P2034") {
    return new ConflictError("Someone else changed this at the same moment. Reload and try again.", options);
  }
  if (error.code === "P2025") return new NotFoundError(`That ${model} no longer exists.`, options);
  if (UNAVAILABLE.has(error.code)) return new DatabaseUnavailableError(undefined, options);
  return error;
}
