import { parseArgs } from "node:util";

import { z } from "zod";

import { roles } from "../../../lib/auth/roles";
import { disconnectDb } from "../../../lib/db";
import { startWorker } from "../../../lib/jobs/worker";
import { createUser } from "../../../lib/users/store";
import { seedDemoWriter } from "../../../scripts/lib/demo-seed";
import { runNext } from "../../../scripts/lib/launch";
import { startLocalStack } from "../../../scripts/lib/local-stack";
import { runMain } from "../../../scripts/lib/main";
import { createDatabase, dropDatabase } from "../../../scripts/lib/postgres";
import { withDatabase } from "../../../scripts/lib/postgres-url";
import { dropAbandonedRuns, newRunId, testDatabaseName } from "../../support/test-databases";
import { findTestServer } from "../../support/test-server";
import { writeE2eServerInfo } from "./e2e-server-info";
import { seedReviewQueue } from "../../../scripts/lib/demo-data";
import { E2E_PASSWORD, e2eUsers, extraE2eUsers } from "./users";

/**
 * The server Playwright tests run against: the production build (`next build` runs first), on a
 * fresh database of its own, with the X simulator, one user per role (and a second reviewer), a
 * drafted review queue and a job worker for AI revisions. Dropped on exit.
 */
const testEnv = z.object({ TEST_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional() });

runMain(async () => {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });
  const port = z.coerce.number().int().min(1).parse(values.port);
  const server = await findTestServer(testEnv.parse(process.env).TEST_DATABASE_URL);
  // Named like the unit tests' databases, so a run whose teardown never ran (a hard kill) is
  // cleared by a later run hours on.
  await dropAbandonedRuns(server.url);
  const name = testDatabaseName(newRunId());
  await createDatabase(server.url, name);

  Object.assign(process.env, { PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, LLM_PROVIDER: "offline" });
  for (const key of ["X_API_BASE_URL", "X_API_KEY", "X_API_KEY_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET", "X_USER_ACCESS_TOKEN"]) {
    delete process.env[key];
  }
  const stack = await startLocalStack({ databaseUrl: withDatabase(server.url, name), simulatorPort: 0 });
  const writer = await seedDemoWriter();
  for (const role of roles) await createUser({ ...e2eUsers[role], password: E2E_PASSWORD, role });
  for (const user of Object.values(extraE2eUsers)) await createUser({ ...user, password: E2E_PASSWORD });
  const queue = await seedReviewQueue(writer);
  console.log(`[e2e] ${queue.posts} posts pulled, ${queue.ready} drafts ready for review`);
  const worker = await startWorker({ databaseUrl: stack.databaseUrl, seedSchedules: false, tuning: { pollingIntervalSeconds: 0.5 }, stopTimeoutMs: 2_000 });
  if (!stack.simulator) throw new Error("e2e: the X simulator did not start");
  writeE2eServerInfo({ simulatorUrl: stack.simulator.url });

  const web = runNext(["start", "--port", String(port), "--hostname", "127.0.0.1"], {});
  // A signal and the web server's exit both land here; tearing down twice would fail half-way.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    web.kill("SIGTERM");
    await worker.stop();
    await disconnectDb();
    await stack.stop();
    await dropDatabase(server.url, name);
    await server.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
  web.once("exit", () => void stop());
});
