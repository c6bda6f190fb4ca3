import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { env } from "@/lib/config/env";

import { DatabaseUnavailableError } from "./errors";
import { PrismaClient } from "./generated/client";
import { sqlBatchedOn, sqlOn, sqlTransactionOn, type SqlRunner, type SqlTransaction, type TransactionOptions } from "./sql";

export type DbClient = PrismaClient;

// On globalThis rather than in a module variable: dev-mode HMR re-evaluates this module, each
// evaluation would otherwise open another connection pool, and a production build may bundle this
// module into more than one chunk, whose copies must agree on which pool belongs to which client.
const holder = globalThis as typeof globalThis & { notedeskDb?: DbClient; notedeskPools?: WeakMap<DbClient, pg.Pool> };

/** Each client's pool, shared by Prisma and the plain-SQL runner (./sql.ts), so both count against one limit. */
const pools = (holder.notedeskPools ??= new WeakMap<DbClient, pg.Pool>());

/** A client of its own for `url`; the caller disconnects it, which also closes its pool. */
export function createDb(url: string): DbClient {
  // Pipelined connections: statements a caller sends without awaiting the one before go out together
  // (a transaction's BEGIN rides with its first statement, ./sql.ts); awaited one by one, as Prisma
  // does, they behave exactly as before.
  const pool = new pg.Pool({ connectionString: url, pipeline: true });
  // An idle connection the server drops (a restart) must not crash the process. Once the pool is
  // closing, its connections may still be finishing their goodbyes: those ending is no news.
  pool.on("error", (error) => {
    if (!pool.ending) console.error(`[db] an idle database connection failed: ${error.message}`);
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  // Prisma ends an adapter's pool only if it ever connected; plain SQL may have used it alone.
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  pools.set(db, pool);
  return db;
}

function poolOf(db: DbClient): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("This database client was not made by createDb, so it has no pool for plain SQL.");
  return pool;
}

/** Plain SQL on the driver (see ./sql.ts for when to use it), on `db`'s pool: getDb()'s by default. */
export function sql(db: DbClient = getDb()): SqlRunner {
  return sqlOn(poolOf(db));
}

/** Plain SQL for small reads that tend to be sent together: see ./sql.ts sqlBatchedOn. */
export function sqlBatched(db: DbClient = getDb()): SqlRunner {
  return sqlBatchedOn(poolOf(db));
}

/** A transaction of plain SQL on the driver, on `db`'s pool. */
export function inSqlTransaction<T>(work: (tx: SqlTransaction) => Promise<T>, options: TransactionOptions & { db?: DbClient } = {}): Promise<T> {
  return sqlTransactionOn(poolOf(options.db ?? getDb()), work, options);
}

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
