import "server-only";

import { hasDraftingWork } from "@/lib/drafting/draft-claims";
import type { DraftingProvider } from "@/lib/drafting/provider";
import { DomainError } from "@/lib/errors";
import { syncEligiblePosts, type SyncResult } from "@/lib/ingest/sync";

import type { JobContext } from "../context";
import { sendWriterJob } from "../send";
import type { JobWriter } from "../writers";
import { perWriter } from "./per-writer";

/**
 * Pulls the writer's eligible posts, triaged as they land (with the configured model's cheap pass
 * where one is configured). A failed pull fails the job, so pg-boss retries it with backoff (each
 * attempt is its own run on the Runs page); with `draftAfter`, a pull that left posts to draft
 * queues a drafting job for the same writer.
 */
export const syncPostsJob = perWriter("sync-posts", async (writer, data, ctx) => {
  let result: SyncResult;
  try {
    result = await syncEligiblePosts(ctx.db, ctx.services.eligibleFeed(), { writer, triggeredById: data.triggeredById, triageModel: triageModelFor(writer, ctx) });
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
  return { runId: result.runId, counts: { ...result.counts, ...result.triage }, draftingQueued };
});

/**
 * The configured model for triage's cheap pass (docs/triage.md, Wiring): behind the rate limit it
 * shares with drafting, and metered as the writer's "triage" spend. The offline drafter is returned
 * too, and the sync run does not ask it: offline, triage is the heuristics alone. A model this
 * server cannot reach leaves triage to the heuristics rather than failing the pull.
 */
function triageModelFor(writer: JobWriter, ctx: JobContext): DraftingProvider | undefined {
  try {
    return ctx.services.drafting().modelFor({ provider: "env", model: null }, { writerId: writer.id, purpose: "triage" });
  } catch (error) {
    if (error instanceof DomainError && error.code === "blocked") return undefined;
    throw error;
  }
}
