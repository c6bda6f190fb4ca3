import { randomUUID } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

import { createDatabase, dropDatabase } from "../lib/postgres";
import { withDatabase } from "../lib/postgres-url";
import { charAwarePool, restoreCharColumns } from "./char-columns";

async function connect(url: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const inner = await new PrismaPg(charAwarePool(url), { disposeExternalPool: true }).connect();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => restoreCharColumns(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo(),
    // adapter-pg splits scripts on ";" and sends the pieces through the pool one by one, which breaks
    // quoted semicolons, $$-bodies and BEGIN/COMMIT. The native engine sends a migration as one batch;
    // so do we: a query without parameters goes over the simple protocol, which takes many statements
    // and runs them as one transaction.
    executeScript: async (script) => {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    dispose: async () => {
      await inner.dispose();
      await afterDispose?.();
    },
  };
}

/**
 * What the schema engine connects through. adapter-pg's own `connectToShadowDb` creates a shadow
 * database but then connects to the main one (the connection string overrides the database name),
 * so the engine's shadow reset would wipe real data. This one connects to the throwaway database by
 * a rewritten URL and drops it on dispose.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  readonly #open = new Set<SqlDriverAdapter>();

  constructor(private readonly url: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.#track(this.url);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
    await createDatabase(this.url, shadow);
    return this.#track(withDatabase(this.url, shadow), () => dropDatabase(this.url, shadow));
  }

  /** The engine disposes shadow connections when done with them but never the main one. */
  async close(): Promise<void> {
    await Promise.all([...this.#open].map((adapter) => adapter.dispose()));
  }

  async #track(url: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const adapter: SqlDriverAdapter = await connect(url, async () => {
      this.#open.delete(adapter);
      await afterDispose?.();
    });
    this.#open.add(adapter);
    return adapter;
  }
}
