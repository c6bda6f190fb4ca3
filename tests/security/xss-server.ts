import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import { createDb, disconnectDb, setDb } from "../../lib/db";
import { createUser } from "../../lib/users/store";
import { applyMigrations } from "../../scripts/db/migrate";
import { runMain } from "../../scripts/lib/main";
import { createDatabase, dropDatabase } from "../../scripts/lib/postgres";
import { withDatabase } from "../../scripts/lib/postgres-url";
import { waitForHttp } from "../../scripts/lib/wait-for-http";
import { findTestServer } from "../support/test-server";
import { seedXss, XSS_PASSWORD, xssAccounts } from "./xss-seed";

/**
 * The server tests/e2e/security.spec.ts runs against: the production build (already built) on a fresh
 * database seeded with script and HTML payloads (xss-seed.ts), twice — as configured by default
 * (http) and with NOTEDESK_SECURE_COOKIES=true — so both cookie configurations can be checked.
 * Prints one line, `XSS_SERVER_READY {json}`, when both answer; drops its database on SIGTERM.
 */

const testEnv = z.object({ TEST_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional() });

runMain(async () => {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3101" }, "secure-port": { type: "string", default: "3102" } } });
  const port = z.coerce.number().int().min(1).parse(values.port);
  const securePort = z.coerce.number().int().min(1).parse(values["secure-port"]);
  const server = await findTestServer(testEnv.parse(process.env).TEST_DATABASE_URL);
  const name = `notedesk_xss_${Date.now().toString(36)}`;
  await createDatabase(server.url, name);
  const databaseUrl = withDatabase(server.url, name);
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  setDb(db);

  const ids: Record<string, string> = {};
  for (const [key, account] of Object.entries(xssAccounts)) ids[key] = (await createUser({ ...account, password: XSS_PASSWORD })).id;
  const seed = await seedXss(db, { reviewerId: ids.reviewer as string, approverId: ids.approver as string });
  await disconnectDb();

  const start = (serverPort: number, extra: Record<string, string>): ChildProcess =>
    spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(serverPort), "--hostname", "127.0.0.1"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: `http://127.0.0.1:${serverPort}`,
        LLM_PROVIDER: "offline",
        ...extra,
      },
    });
  const plain = start(port, {});
  const secure = start(securePort, { NOTEDESK_SECURE_COOKIES: "true" });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    plain.kill("SIGTERM");
    secure.kill("SIGTERM");
    await dropDatabase(server.url, name).catch(() => {});
    await server.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
  plain.once("exit", () => void stop());
  secure.once("exit", () => void stop());
  await Promise.all([waitForHttp(`http://127.0.0.1:${port}/signin`, 120_000), waitForHttp(`http://127.0.0.1:${securePort}/signin`, 120_000)]);
  console.log(`XSS_SERVER_READY ${JSON.stringify({ url: `http://127.0.0.1:${port}`, secureUrl: `http://127.0.0.1:${securePort}`, ...seed })}`);
});
