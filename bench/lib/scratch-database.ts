import { z } from "zod";

import { createDb, setDb, type DbClient } from "../../lib/db";
import { applyMigrations } from "../../scripts/db/migrate";
import { createDatabase, dropDatabase } from "../../scripts/lib/postgres";
import { withDatabase } from "../../scripts/lib/postgres-url";
import { findTestServer } from "../../tests/support/test-server";

export type ScratchDatabase = { url: string; db: DbClient; drop(): Promise<void> };

// Benchmarks run where the tests run: TEST_DATABASE_URL, the local server, or an embedded one.
const benchEnv = z.object({ TEST_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional() });

/** A fresh, migrated database for one measurement; getDb() points at it until it is dropped. */
export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const server = await findTestServer(benchEnv.parse(process.env).TEST_DATABASE_URL);
  const name = `notedesk_bench_${label}_${Date.now().toString(36)}`;
  await createDatabase(server.url, name);
  const url = withDatabase(server.url, name);
  await applyMigrations(url);
  const db = createDb(url);
  setDb(db);
  return {
    url,
    db,
    async drop() {
      setDb(undefined);
      await db.$disconnect();
      await dropDatabase(server.url, name);
      await server.stop();
    },
  };
}
