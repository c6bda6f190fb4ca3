import "server-only";

import { runDrafting } from "@/lib/drafting/drafting-run";

import { perWriter } from "./per-writer";

/** Drafts the writer's waiting posts. Stopped by a shutdown, it ends "cancelled"; the rest wait for the next run. */
export const draftPostsJob = perWriter("draft-posts", async (writer, data, ctx) => {
  const { provider, concurrency } = ctx.services.drafting();
  const result = await runDrafting(ctx.db, provider, {
    feed: { writerId: writer.id, testMode: writer.testMode },
    triggeredById: data.triggeredById,
    concurrency,
    signal: ctx.signal,
  });
  if (result.state === "failed") throw new Error(`The drafting run failed: ${result.errors.at(-1)?.message ?? "unknown error"}`);
  return { runId: result.runId, state: result.state, counts: result.counts };
});
