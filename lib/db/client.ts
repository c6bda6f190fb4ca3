import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { env } from "@/lib/config/env";

import { DatabaseUnavailableError } from "./errors";
import { PrismaClient } from "./generated/client";

export type DbClient = PrismaClient;

/** A client of its own for `url`; the caller disconnects it. */
export function createDb(url: string): DbClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

// On globalThis rather than in a module variable: dev-mode HMR re-evaluates this module, and each
// evaluation would otherwise open another connection pool.
const holder = globalThis as typeof globalThis & { notedeskDb?: DbClient };

/** The process's client for DATABASE_URL, created on first use. */
export function getDb(): DbClient {
  if (holder.notedeskDb) return holder.notedeskDb;
  const url = env().DATABASE_URL;
  if (!url) {
    throw new DatabaseUnavailableError(
      "DATABASE_URL is not set. Start Notedesk with `npm run demo` or `npm run dev`, which start a database and set it, or set DATABASE_URL in .env.",
    );
  }
  holder.notedeskDb = createDb(url);
  return holder.notedeskDb;
}

/**
 * Makes getDb() return `db` from now on (undefined: back to DATABASE_URL) and returns the client it
 * replaces. Tests use it to point app code at their own database.
 */
export function setDb(db: DbClient | undefined): DbClient | undefined {
  const previous = holder.notedeskDb;
  holder.notedeskDb = db;
  return previous;
}

/** Closes getDb()'s pool, e.g. on shutdown; the next getDb() opens a new one. */
export async function disconnectDb(): Promise<void> {
  const db = holder.notedeskDb;
  holder.notedeskDb = undefined;
  await db?.$disconnect();
}
