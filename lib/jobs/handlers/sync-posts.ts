import "server-only";

import { hasDraftingWork } from "@/lib/drafting/draft-claims";
import { DomainError } from "@/lib/errors";
import { syncEligiblePosts, type SyncResult } from "@/lib/ingest/sync";

import { sendWriterJob } from "../send";
import { perWriter } from "./per-writer";

/**
 * Pulls the writer's eligible posts. A failed pull fails the job, so pg-boss retries it with
 * backoff (each attempt is its own run on the Runs page); with `draftAfter`, a pull that left
 * posts to draft queues a drafting job for the same writer.
 */
export const syncPostsJob = perWriter("sync-posts", async (writer, data, ctx) => {
  let result: SyncResult;
  try {
    result = await syncEligiblePosts(ctx.db, ctx.services.eligibleFeed(), { writer, triggeredById: data.triggeredById });
  } catch (error) {
    // Someone else (another worker, `npm run sync`) is pulling this feed right now: that pull is ours too.
    if (error instanceof DomainError && error.code === "conflict") return { skipped: error.message };
    throw error;
  }
  if (result.state === "failed") throw new Error(`The pull failed: ${result.errors.map((e) => e.message).join("; ")}`);

  const feed = { writerId: writer.id, testMode: writer.testMode };
  const draftingQueued = data.draftAfter && (await hasDraftingWork(ctx.db, feed))
    ? (await sendWriterJob(ctx.queue, "draft-posts", writer, { triggeredById: data.triggeredById })).jobId !== null
    : false;
  return { runId: result.runId, counts: result.counts, draftingQueued };
});
