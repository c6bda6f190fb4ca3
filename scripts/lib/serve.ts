import type { ChildProcess } from "node:child_process";

import { disconnectDb, getDb } from "../../lib/db";
import { startWorker, type RunningWorker } from "../../lib/jobs/worker";
import { seedDemoData } from "./demo-data";
import { DEMO_ADMIN_EMAIL, seedDemoAdmin, seedDemoWriter } from "./demo-seed";
import { runNext, runToCompletion } from "./launch";
import { startLocalStack } from "./local-stack";
import { waitForHttp } from "./wait-for-http";

export type ServeMode = { name: "demo"; build: boolean } | { name: "dev" };

/**
 * What `npm run demo` and `npm run dev` share: bring up the local stack, seed the demo (accounts,
 * a drafted queue and a few sent notes, on an empty database only), start a job worker, run
 * Next.js (a production build for the demo, the dev server for development), print where to go,
 * and take everything down again on Ctrl-C.
 */
export async function serveNotedesk(mode: ServeMode): Promise<void> {
  const stack = await startLocalStack({ datedDemoData: true });
  const { config } = stack;
  let server: ChildProcess | null = null;
  let worker: RunningWorker | null = null;
  let admin: { email: string; password: string } | null = null;
  let stopping = false;
  const teardown = async () => {
    stopping = true;
    server?.kill("SIGTERM");
    await worker?.stop();
    await disconnectDb();
    await stack.stop();
  };
  const shutdown = async (code: number) => {
    if (stopping) return;
    await teardown();
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  try {
    const writer = await seedDemoWriter();
    admin = await seedDemoAdmin();
    const approver = await getDb().user.findFirstOrThrow({ where: { role: "admin" }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
    console.log("Preparing demo data (pull, draft, send a few notes to the simulator)…");
    const seeded = await seedDemoData(writer, stack.simulator, approver);
    worker = await startWorker({ databaseUrl: stack.databaseUrl });
    if (mode.name === "demo" && mode.build) {
      console.log("Building Notedesk (next build)…");
      await runToCompletion(runNext(["build"], {}), "next build");
    }
    server = runNext([mode.name === "demo" ? "start" : "dev", "--port", String(config.PORT)], {});
    server.once("exit", (code) => void shutdown(code ?? 1));
    const url = `http://localhost:${config.PORT}`;
    await waitForHttp(`${url}/signin`, 120_000);

    console.log(`
  Notedesk is running at ${url}
    database    ${stack.embeddedDatabase ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}
    X API       ${stack.simulator ? `Notedesk simulator at ${stack.simulator.url}${datedAs(stack.simulatorDatedAsOf)}` : (config.X_API_BASE_URL ?? "https://api.x.com")}
    ${signInLine(admin)}
${seeded.map((line) => `    ${line}`).join("\n")}
  Ctrl-C stops everything.
`);
  } catch (error) {
    // The password exists nowhere else: say it even when start-up fails after making the account.
    if (admin) console.log(`\n    ${signInLine(admin)}\n`);
    await teardown();
    throw error;
  }
}

/** When the demo's posts are dated as of (simulator-epoch.ts): their ages count from there. */
function datedAs(moment: number | undefined): string {
  return moment === undefined ? "" : `, posts dated as of ${new Date(moment).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function signInLine(admin: { email: string; password: string } | null): string {
  return admin
    ? `sign in     ${admin.email} / ${admin.password}   (shown only this once)`
    : `sign in     ${DEMO_ADMIN_EMAIL} with the password printed on the first run\n                (forgotten? npm run user:create -- --email ${DEMO_ADMIN_EMAIL} --reset)`;
}
