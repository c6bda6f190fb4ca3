import { randomBytes } from "node:crypto";

import pg from "pg";

import { withClient } from "../../scripts/lib/postgres";

/**
 * Naming of the databases a test run creates: notedesk_test_<started, base36>_<random>_<suffix>.
 * The run id keeps parallel runs on one server apart; the start time lets a later run clear
 * what a crashed one left behind.
 */

type TestDatabasesContext = { serverUrl: string; runId: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabases: TestDatabasesContext;
  }
}

const PREFIX = "notedesk_test_";
const NAME = new RegExp(`^${PREFIX}(([0-9a-z]+)_[0-9a-f]+)_`);
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;

export function newRunId(): string {
  return `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

export function templateName(runId: string): string {
  return `${PREFIX}${runId}_tpl`;
}

export function testDatabaseName(runId: string): string {
  return `${PREFIX}${runId}_${randomBytes(4).toString("hex")}`;
}

async function dropWhere(serverUrl: string, shouldDrop: (runId: string, startedAt: number) => boolean): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [PREFIX],
    );
    for (const { datname } of rows) {
      const match = NAME.exec(datname);
      if (match?.[1] && match[2] && shouldDrop(match[1], parseInt(match[2], 36))) {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    }
  });
}

/** Drops the template and every per-file database of a run. */
export function dropRun(serverUrl: string, runId: string): Promise<void> {
  return dropWhere(serverUrl, (id) => id === runId);
}

/** Drops what runs that started hours ago left behind (killed before their teardown ran). */
export function dropAbandonedRuns(serverUrl: string): Promise<void> {
  const now = Date.now();
  return dropWhere(serverUrl, (_, startedAt) => now - startedAt > ABANDONED_AFTER_MS);
}
