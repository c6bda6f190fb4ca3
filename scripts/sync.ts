import { getDb } from "../lib/db";
import { syncEligiblePosts } from "../lib/ingest/sync";
import { configuredEligibleFeed } from "../lib/jobs/x-feed";
import { defaultWriter } from "../lib/writers/store";
import { loadDotEnv } from "./lib/load-env";
import { runMain, ScriptError } from "./lib/main";
import { DatabaseConnectionError } from "./lib/postgres";
import { withScriptDatabase } from "./lib/script-database";

/** `npm run sync`: one pull of the default writer's eligible posts, right here rather than through the queue. */
runMain(async () => {
  loadDotEnv();
  try {
    await withScriptDatabase(async () => {
      const writer = await defaultWriter();
      if (!writer) throw new ScriptError("There is no writer to pull for yet. `npm run demo` creates one.");
      console.log(`Pulling eligible posts for ${writer.name} (${writer.testMode ? "test" : "live"} feed)…`);
      const result = await syncEligiblePosts(getDb(), configuredEligibleFeed(), { writer });
      const { counts } = result;
      console.log(
        `${result.state}: ${counts.new} new, ${counts.updated} updated, ${counts.skipped} unchanged, ` +
          `${counts.pages} page${counts.pages === 1 ? "" : "s"} in ${(result.durationMs / 1000).toFixed(1)} s (run ${result.runId})`,
      );
      if (result.state === "failed") throw new ScriptError(`The pull failed: ${result.errors.map((e) => e.message).join("; ")}`);
    });
  } catch (error) {
    throw error instanceof DatabaseConnectionError ? new ScriptError(error.message) : error;
  }
});
