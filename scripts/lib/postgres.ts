import pg from "pg";

import { ScriptError } from "./main";
import { databaseName, serverLabel, withDatabase } from "./postgres-url";

/** Failing to reach or log in to PostgreSQL, with a message meant to be printed as it is. */
export class DatabaseConnectionError extends ScriptError {
  constructor(
    /** host:port */
    readonly server: string,
    /** What went wrong, in a few words: "nothing is listening there". */
    readonly reason: string,
    /** The PostgreSQL error code when the server answered (3D000: no such database). */
    readonly code?: string,
  ) {
    const fix =
      code === undefined
        ? "Start PostgreSQL there, or fix DATABASE_URL (leave it unset to use the embedded database)."
        : code === "3D000"
          ? "`npm run db:migrate` creates it."
          : "Check the credentials in DATABASE_URL.";
    super(`Cannot connect to PostgreSQL at ${server}: ${reason}. ${fix}`);
    this.name = "DatabaseConnectionError";
  }
}

function describe(error: unknown, url: string): DatabaseConnectionError {
  if (error instanceof pg.DatabaseError) return new DatabaseConnectionError(serverLabel(url), error.message, error.code);
  const code = (error as { code?: unknown }).code;
  const reason =
    code === "ECONNREFUSED"
      ? "nothing is listening there"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? "the host name does not resolve"
        : error instanceof Error
          ? error.message
          : String(error);
  return new DatabaseConnectionError(serverLabel(url), reason);
}

/**
 * Runs `fn` on a fresh connection and closes it. Connection failures become a
 * DatabaseConnectionError naming host:port and what to do, instead of a bare stack trace.
 */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw describe(error, url);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Throws DatabaseConnectionError unless the server answers and the database exists. */
export async function checkConnection(url: string): Promise<void> {
  await withClient(url, (client) => client.query("SELECT 1"));
}

/**
 * `url` names any existing database on the server; CREATE/DROP DATABASE cannot run while
 * connected to the database they act on.
 */
export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
  await withClient(url, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`));
}

/** FORCE (PostgreSQL 13+) ends sessions still open on the database instead of failing. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await withClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}

/** Creates the database `url` points at when it is missing, as `prisma migrate deploy` does. Returns whether it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  try {
    await checkConnection(url);
    return false;
  } catch (error) {
    if (!(error instanceof DatabaseConnectionError) || error.code !== "3D000") throw error;
  }
  await createDatabase(withDatabase(url, "postgres"), databaseName(url));
  return true;
}
