import type { ChildProcess } from "node:child_process";

import { disconnectDb } from "../../lib/db";
import { DEMO_ADMIN_EMAIL, seedDemoAdmin, seedDemoWriter } from "./demo-seed";
import { runNext, runToCompletion } from "./launch";
import { startLocalStack, type LocalStack } from "./local-stack";
import { waitForHttp } from "./wait-for-http";

export type ServeMode = { name: "demo"; build: boolean } | { name: "dev" };

/**
 * What `npm run demo` and `npm run dev` share: bring up the local stack, seed the demo accounts,
 * run Next.js (a production build for the demo, the dev server for development), print where to
 * go, and take everything down again on Ctrl-C.
 */
export async function serveNotedesk(mode: ServeMode, seed?: (stack: LocalStack) => Promise<string[]>): Promise<void> {
  const stack = await startLocalStack();
  const { config } = stack;
  let server: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server?.kill("SIGTERM");
    await disconnectDb();
    await stack.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  try {
    await seedDemoWriter();
    const seeded = seed ? await seed(stack) : [];
    if (mode.name === "demo" && mode.build) {
      console.log("Building Notedesk (next build)…");
      await runToCompletion(runNext(["build"], {}), "next build");
    }
    server = runNext([mode.name === "demo" ? "start" : "dev", "--port", String(config.PORT)], {});
    server.once("exit", (code) => void shutdown(code ?? 1));
    const url = `http://localhost:${config.PORT}`;
    await waitForHttp(`${url}/signin`, 120_000);
    // Only now: an admin created before a failed build would have had its password printed to nobody.
    const admin = await seedDemoAdmin();

    const signIn = admin
      ? `${admin.email} / ${admin.password}   (shown only this once)`
      : `${DEMO_ADMIN_EMAIL} with the password printed on the first run\n               (forgotten? npm run user:create -- --email ${DEMO_ADMIN_EMAIL} --reset)`;
    console.log(`
  Notedesk is running at ${url}
    database   ${stack.embeddedDatabase ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}
    X API      ${stack.simulator ? `Notedesk simulator at ${stack.simulator.url}` : (config.X_API_BASE_URL ?? "https://api.x.com")}
    sign in    ${signIn}
${seeded.map((line) => `    ${line}`).join("\n")}
  Ctrl-C stops everything.
`);
  } catch (error) {
    stopping = true;
    server?.kill("SIGTERM");
    await disconnectDb();
    await stack.stop();
    throw error;
  }
}
