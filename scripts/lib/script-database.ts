import { reloadEnv } from "../../lib/config/env";
import { disconnectDb } from "../../lib/db";
import { applyMigrations } from "../db/migrate";
import { EmbeddedPostgresRunningError, startEmbeddedPostgres } from "./embedded-postgres";

export type ScriptDatabase = { url: string; close(): Promise<void> };

/**
 * The database a one-off command works on: DATABASE_URL when set, else the embedded one — reusing
 * it when `npm run demo` already has it running, starting it just for this command otherwise.
 */
export async function openScriptDatabase(): Promise<ScriptDatabase> {
  const configured = reloadEnv().DATABASE_URL;
  if (configured) return { url: configured, close: async () => {} };
  try {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, close: embedded.stop };
  } catch (error) {
    if (error instanceof EmbeddedPostgresRunningError) return { url: error.url, close: async () => {} };
    throw error;
  }
}

/** Runs `fn` with getDb() pointing at the script database, migrated first. */
export async function withScriptDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const database = await openScriptDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    reloadEnv();
    await applyMigrations(database.url);
    return await fn();
  } finally {
    await disconnectDb();
    await database.close();
  }
}
