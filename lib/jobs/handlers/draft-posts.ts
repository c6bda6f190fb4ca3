import "server-only";

import { assertWithinLlmBudget } from "@/lib/costs/budgets";
import { DomainError } from "@/lib/errors";
import { draftAsLiveVariant } from "@/lib/variants/live-drafting";
import { shadowVariants } from "@/lib/variants/store";

import type { JobContext } from "../context";
import { sendWriterJob } from "../send";
import type { JobWriter } from "../writers";
import { perWriter } from "./per-writer";

/**
 * Drafts the writer's waiting posts as its live variant. Stopped by a shutdown, it ends "cancelled";
 * the rest wait for the next run. A finished run queues the shadow variants' turn as a job of its own,
 * so shadow drafting can neither hold up nor fail this one.
 */
export const draftPostsJob = perWriter("draft-posts", async (writer, data, ctx) => {
  // Checked before any draft is claimed: a run that starts over budget would fail every one it took.
  const overBudget = await assertWithinLlmBudget(writer.id).then(
    () => null,
    (error: unknown) => (error instanceof DomainError && error.code === "limit_reached" ? error.message : Promise.reject(error)),
  );
  if (overBudget) return { skipped: overBudget };
  const result = await draftAsLiveVariant(ctx.db, ctx.services.drafting(), {
    feed: { writerId: writer.id, testMode: writer.testMode },
    triggeredById: data.triggeredById,
    signal: ctx.signal,
  });
  if (result.state === "failed") throw new Error(`The drafting run failed: ${result.errors.at(-1)?.message ?? "unknown error"}`);
  const shadow = result.state === "succeeded" ? await queueShadowDrafting(writer, data.triggeredById, ctx) : "not queued: the run was cancelled";
  return { runId: result.runId, state: result.state, counts: result.counts, shadow };
});

async function queueShadowDrafting(writer: JobWriter, triggeredById: string | null, ctx: JobContext): Promise<string> {
  try {
    if ((await shadowVariants(ctx.db, writer.id)).length === 0) return "no shadow variants";
    const { jobId } = await sendWriterJob(ctx.queue, "shadow-drafts", writer, { triggeredById });
    return jobId ? "queued" : "already waiting";
  } catch (error) {
    return `not queued: ${error instanceof Error ? error.message : String(error)}`;
  }
}
