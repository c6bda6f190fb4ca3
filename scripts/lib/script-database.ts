import { reloadEnv } from "../../lib/config/env";
import { disconnectDb } from "../../lib/db";
import { applyMigrations } from "../db/migrate";
import { EmbeddedPostgresRunningError, startEmbeddedPostgres } from "./embedded-postgres";

/**
 * Runs a one-off command against Notedesk's database: DATABASE_URL when set, else the embedded
 * one — reusing it when `npm run demo` already has it running, starting it just for this otherwise.
 */
export async function withScriptDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const configured = reloadEnv().DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  if (!configured) {
    try {
      const database = await startEmbeddedPostgres();
      stop = database.stop;
      process.env.DATABASE_URL = database.url;
    } catch (error) {
      if (!(error instanceof EmbeddedPostgresRunningError)) throw error;
      process.env.DATABASE_URL = error.url;
    }
    reloadEnv();
  }
  try {
    await applyMigrations(process.env.DATABASE_URL ?? "");
    return await fn();
  } finally {
    await disconnectDb();
    await stop?.();
  }
}
