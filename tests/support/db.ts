import { inject } from "vitest";

import { createDb, setDb, type DbClient } from "@/lib/db";

import { createDatabase, dropDatabase } from "../../scripts/lib/postgres";
import { withDatabase } from "../../scripts/lib/postgres-url";
import { testDatabaseName } from "./test-databases";

export type TestDatabase = { name: string; url: string; db: DbClient; drop(): Promise<void> };

/**
 * A database of this test file's own, copied from the run's migrated template (tens of ms), so
 * tests never see each other's rows. It also becomes what getDb() returns, so app code under test
 * uses it.
 *
 *   const t = await createTestDatabase();
 *   afterAll(() => t.drop());
 *
 * `migrated: false` gives an empty database instead, for testing migrations themselves.
 */
export async function createTestDatabase({ migrated = true }: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const { serverUrl, runId, template } = inject("testDatabases");
  const name = testDatabaseName(runId);
  await createDatabase(serverUrl, name, migrated ? template : undefined);
  const url = withDatabase(serverUrl, name);
  const db = createDb(url);
  const previous = setDb(db);
  return {
    name,
    url,
    db,
    drop: async () => {
      const current = setDb(previous);
      if (current !== db) setDb(current); // one created after this one is in use: leave it
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}
