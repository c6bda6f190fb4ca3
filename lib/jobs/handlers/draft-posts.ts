import "server-only";

import { assertWithinLlmBudget } from "@/lib/costs/budgets";
import { runDrafting } from "@/lib/drafting/drafting-run";
import { DomainError } from "@/lib/errors";

import { perWriter } from "./per-writer";

/** Drafts the writer's waiting posts. Stopped by a shutdown, it ends "cancelled"; the rest wait for the next run. */
export const draftPostsJob = perWriter("draft-posts", async (writer, data, ctx) => {
  const { provider, concurrency } = ctx.services.drafting();
  // Checked before any draft is claimed: a run that starts over budget would fail every one it took.
  const overBudget = await assertWithinLlmBudget(writer.id).then(
    () => null,
    (error: unknown) => (error instanceof DomainError && error.code === "limit_reached" ? error.message : Promise.reject(error)),
  );
  if (overBudget) return { skipped: overBudget };
  const result = await runDrafting(ctx.db, provider, {
    feed: { writerId: writer.id, testMode: writer.testMode },
    triggeredById: data.triggeredById,
    concurrency,
    signal: ctx.signal,
  });
  if (result.state === "failed") throw new Error(`The drafting run failed: ${result.errors.at(-1)?.message ?? "unknown error"}`);
  return { runId: result.runId, state: result.state, counts: result.counts };
});
