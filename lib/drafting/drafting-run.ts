import "server-only";

import type { DbClient } from "@/lib/db";
import { createProgressReporter } from "@/lib/runs/progress";
import { finishRun, startRun, type RunError } from "@/lib/runs/store";

import {
  claimDrafts,
  createMissingDrafts,
  prepareDrafts,
  releaseClaims,
  type ClaimedDraft,
  type ClaimedDraftWithPost,
  type DraftingFeed,
} from "./draft-claims";
import type { DraftResult } from "./draft-outcome-store";
import { draftPost, type DraftOptions } from "./draft-post";
import { createOutcomeWriter } from "./outcome-writer";
import type { DraftPromptVersion } from "./prompts/build-request";
import type { DraftingProvider } from "./provider";
import { createSemaphore } from "./semaphore";
import { toNormalizedPost } from "./stored-post";

/** Longer than any model call with its retries: a draft held this long belongs to a dead run. */
export const DRAFTING_STALE_AFTER_MS = 15 * 60_000;

/** Failure reasons kept on the run for the Runs page; the rest are on the drafts themselves. */
const MAX_RUN_ERRORS = 50;

/** The drafting variant a run drafts as (docs/variants.md): its prompt and temperature, its id on every AI revision. */
export type RunVariant = { id: string; promptVersion: DraftPromptVersion; temperature: number };

export type DraftingRunOptions = {
  feed: DraftingFeed;
  /** Without one: draft-v1 at its own temperature, and no variant recorded (tests, benchmarks). */
  variant?: RunVariant;
  triggeredById?: string | null;
  /** Model calls in flight at once. The provider brings its own rate limit (see rateLimited). */
  concurrency: number;
  /** Drafts claimed per statement; default `concurrency`. */
  batchSize?: number;
  staleAfterMs?: number;
  /** Stop claiming: drafts in flight finish, claimed ones not yet started go back to `new`. */
  signal?: AbortSignal;
  draftOptions?: Omit<DraftOptions, "existingNoteTextsOnPost">;
  progressIntervalMs?: number;
};

export type DraftingCounts = { created: number; recovered: number; drafted: number; abstained: number; failed: number };

export type DraftingRunResult = {
  runId: string;
  state: "succeeded" | "failed" | "cancelled";
  counts: DraftingCounts;
  errors: RunError[];
  durationMs: number;
};

const countOf = { note: "drafted", abstain: "abstained", failed: "failed", crashed: "failed" } as const;

/**
 * Drafts every waiting post of one writer's feed: recovers drafts a dead run left behind, creates
 * drafts for posts that have none, then claims and drafts them with at most `concurrency` model
 * calls at once. One post's failure is recorded on its draft and never stops the others. Runs may
 * overlap: claims keep them from drafting the same post. What the run spends beside the model calls
 * is a few statements per batch, not per post (docs/drafting.md, Drafting run).
 */
export async function runDrafting(db: DbClient, provider: DraftingProvider, options: DraftingRunOptions): Promise<DraftingRunResult> {
  const started = Date.now();
  const { feed, signal } = options;
  const batchSize = options.batchSize ?? options.concurrency;
  // The run's row and the drafts' preparation (recovery and new drafts) do not wait for each other;
  // the first claim waits for both, so no draft is ever claimed by a run that failed to start. A
  // failed preparation or first claim surfaces below, recorded on the run; until then neither may
  // count as unhandled. The preparation makes drafts for the first two batches only (the first claim
  // and the one claimed while it is drafted), so the first model call waits on a small statement;
  // the rest are made while those are drafted.
  const firstDrafts = 2 * batchSize;
  const starting = startRun(db, {
    kind: "draft",
    writerId: feed.writerId,
    testMode: feed.testMode,
    triggeredById: options.triggeredById ?? null,
    // The Runs page names the variant a run drafted as, like a shadow run's.
    variantIds: options.variant ? [options.variant.id] : [],
  });
  const preparing = prepareDrafts(db, feed, options.staleAfterMs ?? DRAFTING_STALE_AFTER_MS, firstDrafts);
  const firstClaims = Promise.all([starting, preparing]).then(() => claimDrafts(db, feed, batchSize));
  for (const pending of [preparing, firstClaims]) pending.catch(() => undefined);
  const run = await starting;
  const counts: DraftingCounts = { created: 0, recovered: 0, drafted: 0, abstained: 0, failed: 0 };
  const errors: RunError[] = [];
  const noteError = (message: string) => {
    if (errors.length < MAX_RUN_ERRORS) errors.push({ at: new Date().toISOString(), message });
  };
  const reporter = createProgressReporter(db, run.id, options.progressIntervalMs);
  let total = 0;
  const report = () => {
    const progress = counts.drafted + counts.abstained + counts.failed;
    reporter.update({ progress, total: Math.max(total, progress), counts });
  };

  const variantOptions: DraftOptions = options.variant ? { promptVersion: options.variant.promptVersion, temperature: options.variant.temperature } : {};
  const draft = async (claim: ClaimedDraftWithPost): Promise<DraftResult> => {
    if (!claim.post) return { kind: "crashed", reason: `Post ${claim.postId} is no longer stored.` };
    try {
      return await draftPost(toNormalizedPost(claim.post), provider, { ...variantOptions, ...options.draftOptions, existingNoteTextsOnPost: claim.existingNoteTexts });
    } catch (error) {
      return { kind: "crashed", reason: `Drafting broke: ${messageOf(error)}` };
    }
  };
  const outcomes = createOutcomeWriter(db, options.variant?.id ?? null);
  const save = async (claim: ClaimedDraft, result: DraftResult) => {
    try {
      if (!(await outcomes.save(claim, result))) return; // the claim was taken back: someone else owns it now
      counts[countOf[result.kind]] += 1;
      if (result.kind === "failed" || result.kind === "crashed") noteError(`Post ${claim.postId}: ${result.reason}`);
    } catch (error) {
      // Left in `drafting`; a later run recovers it once it is stale.
      counts.failed += 1;
      noteError(`Post ${claim.postId}: the outcome could not be saved (${messageOf(error)}).`);
    }
    report();
  };

  // The next batch is claimed while this one is drafted, so a free slot never waits on the database.
  // Its failure surfaces when it is awaited; until then it must not count as unhandled.
  const prefetch = () => {
    const claiming = claimDrafts(db, feed, batchSize);
    claiming.catch(() => undefined);
    return claiming;
  };

  let state: DraftingRunResult["state"] = "succeeded";
  const inFlight = new Set<Promise<void>>();
  try {
    const drafts = await preparing;
    counts.recovered = drafts.recovered;
    counts.created = drafts.created;
    total = drafts.waiting;
    report();
    // Fewer made than asked for: no post was left without a draft.
    let makingRest =
      drafts.created < firstDrafts
        ? null
        : createMissingDrafts(db, feed).then((created) => {
            counts.created += created;
            total += created;
            report();
          });
    makingRest?.catch(() => undefined);

    const modelSlots = createSemaphore(options.concurrency);
    let next = firstClaims;
    claiming: for (;;) {
      let claims = await next;
      if (claims.length === 0 && makingRest) {
        // This batch was claimed before the rest of the drafts were made: look again once they are.
        await makingRest;
        makingRest = null;
        claims = await claimDrafts(db, feed, batchSize);
      }
      if (claims.length === 0) break;
      next = prefetch();
      for (const [index, claim] of claims.entries()) {
        const release = await modelSlots.acquire();
        if (signal?.aborted) {
          release();
          await releaseClaims(db, [...claims.slice(index), ...(await next)]);
          break claiming;
        }
        // The slot bounds model calls only: saving the outcome overlaps the next post's call.
        const task = draft(claim)
          .finally(release)
          .then((result) => save(claim, result))
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    }
    // A stopped run may leave before the rest were made; it still waits for them, so nothing writes after it ends.
    await makingRest;
  } catch (error) {
    state = "failed";
    noteError(`The drafting run stopped: ${messageOf(error)}`);
  }
  // draft and save settle every outcome themselves, so this waits for all of them and never rejects.
  await Promise.all(inFlight);
  if (state === "succeeded" && signal?.aborted) state = "cancelled";

  report();
  const progress = counts.drafted + counts.abstained + counts.failed;
  // The reporter's last write and the finish agree on progress and counts (the reporter adds the
  // total, the finish the state), so the two updates of the run's row need not wait for each other.
  await Promise.all([reporter.stop(), finishRun(db, run.id, { state, counts, errors, progress })]);
  return { runId: run.id, state, counts, errors, durationMs: Date.now() - started };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
