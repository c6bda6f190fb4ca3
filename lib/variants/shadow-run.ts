import "server-only";

import { assertWithinLlmBudget } from "@/lib/costs/budgets";
import type { DbClient, Prisma } from "@/lib/db";
import type { DraftingFeed } from "@/lib/drafting/draft-claims";
import type { DraftResult } from "@/lib/drafting/draft-outcome-store";
import { draftPost } from "@/lib/drafting/draft-post";
import type { DraftingProvider } from "@/lib/drafting/provider";
import { loadPostsForDrafting, type PostForDrafting } from "@/lib/drafting/stored-post";
import { DomainError } from "@/lib/errors";
import { utcNow } from "@/lib/review/sql";
import { runErrorLog } from "@/lib/runs/errors";
import { createProgressReporter } from "@/lib/runs/progress";
import { finishRun, startExclusiveRun, STALE_RUN_MS } from "@/lib/runs/store";

import type { VariantModelSource } from "./models";
import { saveShadowDraft } from "./shadow-store";
import { countShadowWork, listShadowWork, SHADOW_MAX_ATTEMPTS, shadowWorkWaiting } from "./shadow-work";
import type { VariantRow } from "./dto";
import { shadowVariants } from "./store";

export type ShadowRunOptions = {
  feed: DraftingFeed;
  triggeredById?: string | null;
  signal?: AbortSignal;
  batchSize?: number;
  progressIntervalMs?: number;
};

/** What a shadow run did, as its run record counts it. */
export type ShadowCounts = {
  drafted: number;
  abstained: number;
  /** Attempts that failed, first ones and retries. */
  failed: number;
  /** Attempts at shadow drafts an earlier run had failed, whatever they ended in. */
  retried: number;
  /** Failures that used the last attempt: no run tries them again. */
  gaveUp: number;
  /** Posts left to draft when a budget stopped the run: they wait for the budget, they have not failed. */
  waitingForBudget: number;
};

export type ShadowRunResult = ShadowCounts & {
  /** The run record; null when there was nothing to run (no shadow variant) or a shadow run of the feed is already going. */
  runId: string | null;
  /** Why the run ended before drafting everything (a live run started, a budget, a stop, another shadow run); null when it finished. */
  stoppedBecause: string | null;
  /** Shadow variants that could not draft at all here, and why (their provider is not configured). */
  skipped: { variant: string; reason: string }[];
};

type ShadowModel = { variant: VariantRow; provider: DraftingProvider };
type Stop = { reason: string; budget: boolean };

const countOf = { note: "drafted", abstain: "abstained", failed: "failed", crashed: "failed" } as const;

/**
 * Drafts the feed's posts with each shadow variant of the writer, one model call at a time, after live
 * drafting and never in its way: it yields as soon as a live drafting run of the feed starts (they
 * share the provider's rate limit), and stops at the writer's LLM budget exactly as drafting does. A
 * post's failure is stored as that variant's failed shadow draft, and later runs try it again up to
 * SHADOW_MAX_ATTEMPTS (shadow-work.ts); nothing here touches drafts or revisions. Each run is a
 * `shadow` run record (one at a time per feed) with live progress on the Runs page.
 */
export async function runShadowDrafting(db: DbClient, models: VariantModelSource, options: ShadowRunOptions): Promise<ShadowRunResult> {
  const { feed } = options;
  const counts: ShadowCounts = { drafted: 0, abstained: 0, failed: 0, retried: 0, gaveUp: 0, waitingForBudget: 0 };
  const result: ShadowRunResult = { ...counts, runId: null, stoppedBecause: null, skipped: [] };
  const variants = await shadowVariants(db, feed.writerId);
  if (variants.length === 0) return result;
  const usable = new Map<string, ShadowModel>();
  for (const variant of variants) {
    try {
      usable.set(variant.id, { variant, provider: models.modelFor(variant, { writerId: feed.writerId, purpose: "shadow" }) });
    } catch (error) {
      result.skipped.push({ variant: variant.name, reason: messageOf(error) });
    }
  }

  let runId: string;
  try {
    const spec = { kind: "shadow", writerId: feed.writerId, testMode: feed.testMode, triggeredById: options.triggeredById ?? null, variantIds: variants.map((v) => v.id) } as const;
    runId = (await startExclusiveRun(db, spec)).id;
  } catch (error) {
    // The shadow run already going drafts what this one would have.
    if (error instanceof DomainError && error.code === "conflict") return { ...result, stoppedBecause: error.message };
    throw error;
  }
  const log = runErrorLog();
  for (const { variant, reason } of result.skipped) log.note(`Variant "${variant}" cannot draft here: ${reason}`);
  const reporter = createProgressReporter(db, runId, options.progressIntervalMs);
  const progressOf = () => counts.drafted + counts.abstained + counts.failed;
  let total = 0;
  const report = () => reporter.update({ progress: progressOf(), total: Math.max(total, progressOf()), counts });

  let stop: Stop | null = null;
  let broke: unknown = null;
  try {
    const pending = shadowWorkWaiting(feed, [...usable.keys()], runId);
    total = await countShadowWork(db, pending);
    report();
    stop = await draftWaitingWork(db, { usable, pending, runId, counts, log, report, options });
    if (stop?.budget) counts.waitingForBudget = await countShadowWork(db, pending);
  } catch (error) {
    broke = error;
    log.note(`The shadow run stopped: ${messageOf(error)}`);
  }
  if (stop) log.note(stop.reason);
  report();
  await reporter.stop();
  await finishRun(db, runId, { state: broke ? "failed" : stop ? "cancelled" : "succeeded", counts, errors: log.errors, progress: progressOf() });
  // Recorded on the run, then thrown: the job fails and pg-boss retries it, as with a failed drafting run.
  if (broke) throw broke;
  return { ...result, ...counts, runId, stoppedBecause: stop?.reason ?? null };
}

type Drafting = {
  usable: Map<string, ShadowModel>;
  pending: Prisma.Sql;
  runId: string;
  counts: ShadowCounts;
  log: ReturnType<typeof runErrorLog>;
  report: () => void;
  options: ShadowRunOptions;
};

/** Drafts batch after batch of waiting work until none is left; returns why it stopped early, if it did. */
async function draftWaitingWork(db: DbClient, { usable, pending, runId, counts, log, report, options }: Drafting): Promise<Stop | null> {
  const { feed, signal } = options;
  // Everything this run stores leaves `pending` (a kept outcome, or a failure now marked as this run's), so this ends.
  for (;;) {
    const work = await listShadowWork(db, pending, options.batchSize ?? 20);
    if (work.length === 0) return null;
    const posts = await loadPostsForDrafting(db, work.map((w) => w.postId));
    for (const item of work) {
      const shadow = usable.get(item.variantId);
      if (!shadow) continue;
      const stop = await reasonToStop(db, feed, shadow.provider.model, signal);
      if (stop) return stop;
      const outcome = await draftShadow(shadow, posts.get(item.postId), signal);
      // A budget reached during the call fails it; that post is not the variant's failure, it waits.
      if (outcome.kind === "failed" || outcome.kind === "crashed") {
        const budget = await budgetProblem(feed.writerId, shadow.provider.model);
        if (budget) return { reason: budget, budget: true };
      }
      const origin = { variantId: item.variantId, draftId: item.draftId, provider: shadow.provider.id, model: shadow.provider.model, promptVersion: shadow.variant.promptVersion };
      const attempt = item.attempts + 1;
      if (!(await saveShadowDraft(db, origin, outcome, { number: attempt, runId }))) continue;
      counts[countOf[outcome.kind]] += 1;
      if (item.attempts > 0) counts.retried += 1;
      if (outcome.kind === "failed" || outcome.kind === "crashed") {
        const final = attempt >= SHADOW_MAX_ATTEMPTS;
        if (final) counts.gaveUp += 1;
        log.note(`Post ${item.postId}, variant "${shadow.variant.name}", attempt ${attempt} of ${SHADOW_MAX_ATTEMPTS}${final ? " (the last)" : ""}: ${outcome.reason}`);
      }
      report();
    }
  }
}

async function draftShadow({ variant, provider }: ShadowModel, input: PostForDrafting | undefined, signal?: AbortSignal): Promise<DraftResult> {
  if (!input) return { kind: "crashed", reason: "The post is no longer stored." };
  try {
    return await draftPost(input.post, provider, {
      promptVersion: variant.promptVersion,
      temperature: variant.temperature,
      existingNoteTextsOnPost: input.existingNoteTexts,
      abortSignal: signal,
    });
  } catch (error) {
    return { kind: "crashed", reason: `Drafting broke: ${messageOf(error)}` };
  }
}

async function reasonToStop(db: DbClient, feed: DraftingFeed, model: string, signal?: AbortSignal): Promise<Stop | null> {
  if (signal?.aborted) return { reason: "The worker is stopping; the rest wait for the next run.", budget: false };
  if (await liveDraftingRunning(db, feed)) return { reason: "A live drafting run of this feed started; shadow drafting resumes after it.", budget: false };
  const budget = await budgetProblem(feed.writerId, model);
  return budget ? { reason: budget, budget: true } : null;
}

/** A live run of the feed with a fresh heartbeat (a dead one stops beating and stops counting). */
async function liveDraftingRunning(db: DbClient, feed: DraftingFeed): Promise<boolean> {
  const [row] = await db.$queryRaw<{ running: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM job_runs
       WHERE kind = 'draft' AND writer_id = ${feed.writerId} AND test_mode = ${feed.testMode} AND state = 'running'
         AND heartbeat_at > ${utcNow} - make_interval(secs => ${STALE_RUN_MS / 1000})
    ) AS running`;
  return row?.running ?? false;
}

async function budgetProblem(writerId: string, model: string): Promise<string | null> {
  try {
    await assertWithinLlmBudget(writerId, model);
    return null;
  } catch (error) {
    if (error instanceof DomainError && (error.code === "limit_reached" || error.code === "blocked")) return error.message;
    throw error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
