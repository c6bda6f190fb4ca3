import { env } from "../lib/config/env";
import { queueNames } from "../lib/jobs/queues";
import { startWorker } from "../lib/jobs/worker";
import { loadDotEnv } from "./lib/load-env";
import { runMain, ScriptError } from "./lib/main";
import { DatabaseConnectionError } from "./lib/postgres";
import { withScriptDatabase } from "./lib/script-database";

/**
 * `npm run worker`: runs queued jobs (pulls, drafting, revisions…) until Ctrl-C or SIGTERM, then
 * lets running jobs finish (a drafting run hands back what it has not started) before exiting.
 */
runMain(async () => {
  loadDotEnv();
  try {
    await withScriptDatabase(async () => {
      const worker = await startWorker({ databaseUrl: env().DATABASE_URL ?? "" });
      console.log(`Worker running (${queueNames.join(", ")}). Ctrl-C stops it.`);
      await stopSignal();
      console.log("Stopping: running jobs finish first (up to 30 s); Ctrl-C again to quit at once.");
      process.once("SIGINT", () => process.exit(130));
      await worker.stop();
      console.log("Worker stopped.");
    });
  } catch (error) {
    throw error instanceof DatabaseConnectionError ? new ScriptError(error.message) : error;
  }
});

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}
