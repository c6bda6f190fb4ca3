import type { TestProject } from "vitest/node";
import { z } from "zod";

import { applyMigrations } from "../../scripts/db/migrate";
import { createDatabase } from "../../scripts/lib/postgres";
import { withDatabase } from "../../scripts/lib/postgres-url";
import { dropAbandonedRuns, dropRun, newRunId, templateName } from "./test-databases";
import { findTestServer } from "./test-server";

/**
 * Once per `vitest` run: a template database with every migration applied. Each test file then
 * copies it (tests/support/db.ts), which is far cheaper than migrating a database per file.
 */

// A test-only variable, so it is not part of the app's configuration (lib/config/env.ts).
const testEnv = z.object({
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "TEST_DATABASE_URL must start with postgresql://" })
    .optional(),
});

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const parsed = testEnv.safeParse(process.env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));

  const server = await findTestServer(parsed.data.TEST_DATABASE_URL);
  const runId = newRunId();
  const teardown = async () => {
    await dropRun(server.url, runId);
    await server.stop();
  };
  try {
    await dropAbandonedRuns(server.url);
    const template = templateName(runId);
    await createDatabase(server.url, template);
    await applyMigrations(withDatabase(server.url, template));
    project.provide("testDatabases", { serverUrl: server.url, runId, template });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
