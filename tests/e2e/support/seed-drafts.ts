import { getDb } from "../../../lib/db";
import { runDrafting } from "../../../lib/drafting/drafting-run";
import { syncEligiblePosts } from "../../../lib/ingest";
import { draftingSetupFromEnv } from "../../../lib/jobs/drafting-setup";
import { configuredEligibleFeed } from "../../../lib/jobs/x-feed";
import type { WriterDto } from "../../../lib/writers/store";

/**
 * A queue to review, made the way production makes it: the writer's test feed pulled from the
 * simulator, then drafted by the offline drafter. Deterministic: the simulator's data set is fixed.
 */
export async function seedReviewQueue(writer: WriterDto): Promise<{ posts: number; ready: number }> {
  // Every language of the feed: more drafts, and a queue that looks like a real team's.
  const sync = await syncEligiblePosts(getDb(), configuredEligibleFeed(), { writer: { ...writer, feedLang: "all" }, fullScan: true });
  if (sync.state !== "succeeded") throw new Error(`e2e seed: the sync failed: ${sync.errors.map((e) => e.message).join("; ")}`);
  const drafting = await runDrafting(getDb(), draftingSetupFromEnv().provider, { feed: { writerId: writer.id, testMode: writer.testMode }, concurrency: 8 });
  if (drafting.state !== "succeeded") throw new Error("e2e seed: the drafting run failed");
  return { posts: sync.counts.new, ready: drafting.counts.drafted };
}
