import { parseArgs } from "node:util";

import { z } from "zod";

import { roles } from "../../../lib/auth/roles";
import { disconnectDb } from "../../../lib/db";
import { createUser } from "../../../lib/users/store";
import { seedDemoWriter } from "../../../scripts/lib/demo-seed";
import { runNext } from "../../../scripts/lib/launch";
import { startLocalStack } from "../../../scripts/lib/local-stack";
import { runMain } from "../../../scripts/lib/main";
import { createDatabase, dropDatabase } from "../../../scripts/lib/postgres";
import { withDatabase } from "../../../scripts/lib/postgres-url";
import { findTestServer } from "../../support/test-server";
import { E2E_PASSWORD, e2eUsers } from "./users";

/**
 * The server Playwright tests run against: the production build (`next build` runs first), on a
 * fresh database of its own, with the X simulator and one user per role. Dropped on exit.
 */
const testEnv = z.object({ TEST_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional() });

runMain(async () => {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });
  const port = z.coerce.number().int().min(1).parse(values.port);
  const server = await findTestServer(testEnv.parse(process.env).TEST_DATABASE_URL);
  const name = `notedesk_e2e_${Date.now().toString(36)}`;
  await createDatabase(server.url, name);

  Object.assign(process.env, { PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, LLM_PROVIDER: "offline" });
  for (const key of ["X_API_BASE_URL", "X_API_KEY", "X_API_KEY_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET", "X_USER_ACCESS_TOKEN"]) {
    delete process.env[key];
  }
  const stack = await startLocalStack({ databaseUrl: withDatabase(server.url, name), simulatorPort: 0 });
  await seedDemoWriter();
  for (const role of roles) await createUser({ ...e2eUsers[role], password: E2E_PASSWORD, role });

  const web = runNext(["start", "--port", String(port), "--hostname", "127.0.0.1"], {});
  const stop = async () => {
    web.kill("SIGTERM");
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
