import { getDb } from "../../lib/db";
import { appGateDeps } from "../../lib/gates/evaluate";
import { syncEligiblePosts } from "../../lib/ingest";
import { draftingSetupFromEnv } from "../../lib/jobs/drafting-setup";
import { configuredEligibleFeed } from "../../lib/jobs/x-feed";
import { refreshWrittenNotes } from "../../lib/notes/refresh";
import { approveAndSubmit } from "../../lib/submission/approve-and-submit";
import { appNoteSender } from "../../lib/submission/sender";
import { appXClient } from "../../lib/x";
import type { Actor } from "../../lib/review/dto";
import { draftAsLiveVariant } from "../../lib/variants/live-drafting";
import { runShadowDrafting } from "../../lib/variants/shadow-run";
import { createVariant } from "../../lib/variants/variant-admin";
import type { XSimulator } from "../../lib/x-simulator";
import type { WriterDto } from "../../lib/writers/store";
import { seedDemoRatings } from "./demo-insights";

/** A second way of drafting to compare with the live one: free, offline, in draft-v2's concise style (docs/variants.md). */
const DEMO_SHADOW_VARIANT = { name: "Concise (offline)", promptVersion: "draft-v2", provider: "offline", model: null, temperature: 0.3 } as const;

/**
 * A queue to review, made the way production makes it: the writer's test feed pulled from the
 * simulator, drafted by its live variant (the configured drafter), then by a shadow variant for the
 * blind comparison. Deterministic with the offline drafter: the simulator's data set is fixed for a data directory.
 */
export async function seedReviewQueue(writer: WriterDto): Promise<{ posts: number; ready: number }> {
  // Every language of the feed: more drafts, and a queue that looks like a real team's.
  const sync = await syncEligiblePosts(getDb(), configuredEligibleFeed(), { writer: { ...writer, feedLang: "all" }, fullScan: true });
  if (sync.state !== "succeeded") throw new Error(`Seeding demo data: the sync failed: ${sync.errors.map((e) => e.message).join("; ")}`);
  const models = { ...draftingSetupFromEnv(), concurrency: 8 };
  const feed = { writerId: writer.id, testMode: writer.testMode };
  await createVariant({ writerId: writer.id, ...DEMO_SHADOW_VARIANT }, null);
  const drafting = await draftAsLiveVariant(getDb(), models, { feed, triggeredById: null });
  if (drafting.state !== "succeeded") throw new Error("Seeding demo data: the drafting run failed");
  await runShadowDrafting(getDb(), models, { feed });
  return { posts: sync.counts.new, ready: drafting.counts.drafted };
}

const DEMO_SUBMISSIONS = 12;

/**
 * The demo's history: a dozen drafts approved and sent through the real path (gates included)
 * by the demo admin, then scored by the simulator and read back from notes_written, so the Notes
 * page has something to show. Only on a database that has no posts yet.
 */
export async function seedDemoData(writer: WriterDto, simulator: XSimulator | null, approver: Actor): Promise<string[]> {
  if ((await getDb().post.count()) > 0) return ["demo data   kept from the last run"];
  const queue = await seedReviewQueue(writer);
  if (!simulator) return [`demo data   ${queue.posts} posts pulled, ${queue.ready} drafts to review`];

  const candidates = await getDb().draft.findMany({
    where: { writerId: writer.id, state: "ready" },
    orderBy: { readyAt: "asc" },
    select: { id: true, version: true },
    take: DEMO_SUBMISSIONS * 3,
  });
  let submitted = 0;
  for (const draft of candidates) {
    if (submitted >= DEMO_SUBMISSIONS) break;
    // Drafts a gate blocks (a weak source, a low score) stay in the queue, as they would for a person.
    const outcome = await approveAndSubmit(draft.id, draft.version, approver, { sender: appNoteSender(), gates: appGateDeps }).catch(() => null);
    if (outcome?.sent) submitted += 1;
  }
  simulator.control.advanceClock(6 * 60 * 60 * 1000);
  await refreshWrittenNotes({ writer, client: appXClient(), triggeredById: null });
  return [`demo data   ${queue.posts} posts pulled, ${queue.ready} drafts, ${submitted} notes already sent in test mode`, await seedDemoRatings(writer.id, approver)];
}
