import "server-only";

import { assertWithinLlmBudget } from "@/lib/costs/budgets";
import type { DbClient } from "@/lib/db";
import type { DraftingFeed } from "@/lib/drafting/draft-claims";
import type { DraftResult } from "@/lib/drafting/draft-outcome-store";
import { draftPost } from "@/lib/drafting/draft-post";
import type { DraftingProvider } from "@/lib/drafting/provider";
import { loadPostsForDrafting, type PostForDrafting } from "@/lib/drafting/stored-post";
import { DomainError } from "@/lib/errors";
import { utcNow } from "@/lib/review/sql";
import { STALE_RUN_MS } from "@/lib/runs/store";

import type { VariantModelSource } from "./models";
import { saveShadowDraft } from "./shadow-store";
import type { VariantRow } from "./dto";
import { shadowVariants } from "./store";

/** A new shadow variant also drafts the posts of the week before it was made, so it has something to compare soon. */
export const SHADOW_BACKFILL_DAYS = 7;

export type ShadowRunOptions = { feed: DraftingFeed; signal?: AbortSignal; batchSize?: number };

export type ShadowRunResult = {
  drafted: number;
  abstained: number;
  failed: number;
  /** Why the run ended before drafting everything (a live run started, a budget, a stop); null when it finished. */
  stoppedBecause: string | null;
  /** Shadow variants that could not draft at all here, and why (their provider is not configured). */
  skipped: { variant: string; reason: string }[];
};

type ShadowModel = { variant: VariantRow; provider: DraftingProvider };
type Work = { variantId: string; draftId: string; postId: string };

const countOf = { note: "drafted", abstain: "abstained", failed: "failed", crashed: "failed" } as const;

/**
 * Drafts the feed's posts with each shadow variant of the writer, one model call at a time, after live
 * drafting and never in its way: it yields as soon as a live drafting run of the feed starts (they
 * share the provider's rate limit), and stops at the writer's LLM budget exactly as drafting does. A
 * post's failure is stored as that variant's failed shadow draft; nothing here touches drafts or revisions.
 */
export async function runShadowDrafting(db: DbClient, models: VariantModelSource, options: ShadowRunOptions): Promise<ShadowRunResult> {
  const { feed, signal } = options;
  const result: ShadowRunResult = { drafted: 0, abstained: 0, failed: 0, stoppedBecause: null, skipped: [] };
  const usable = new Map<string, ShadowModel>();
  for (const variant of await shadowVariants(db, feed.writerId)) {
    try {
      usable.set(variant.id, { variant, provider: models.modelFor(variant, { writerId: feed.writerId, purpose: "shadow" }) });
    } catch (error) {
      result.skipped.push({ variant: variant.name, reason: messageOf(error) });
    }
  }
  if (usable.size === 0) return result;

  for (;;) {
    const work = await pendingShadowWork(db, feed, [...usable.keys()], options.batchSize ?? 20);
    if (work.length === 0) return result;
    const posts = await loadPostsForDrafting(db, work.map((w) => w.postId));
    for (const item of work) {
      const shadow = usable.get(item.variantId);
      if (!shadow) continue;
      const stop = await reasonToStop(db, feed, shadow.provider.model, signal);
      if (stop) return { ...result, stoppedBecause: stop };
      const outcome = await draftShadow(shadow, posts.get(item.postId), signal);
      // A budget reached during the call fails it; that post is not the variant's failure, it waits.
      if (outcome.kind === "failed" || outcome.kind === "crashed") {
        const budget = await budgetProblem(feed.writerId, shadow.provider.model);
        if (budget) return { ...result, stoppedBecause: budget };
      }
      const origin = { variantId: item.variantId, draftId: item.draftId, provider: shadow.provider.id, model: shadow.provider.model, promptVersion: shadow.variant.promptVersion };
      if (await saveShadowDraft(db, origin, outcome)) result[countOf[outcome.kind]] += 1;
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

/**
 * Posts the live variant has drafted (or abstained on) that a shadow variant has not, newest first,
 * every shadow variant's turn on a post together so two shadows can be compared on it.
 */
async function pendingShadowWork(db: DbClient, feed: DraftingFeed, variantIds: string[], limit: number): Promise<Work[]> {
  return db.$queryRaw<Work[]>`
    SELECT v.id AS "variantId", d.id AS "draftId", d.post_id AS "postId"
      FROM drafting_variants v
      JOIN drafts d ON d.writer_id = v.writer_id AND d.test_mode = ${feed.testMode}
     WHERE v.id = ANY(${variantIds}::text[]) AND v.writer_id = ${feed.writerId}
       AND d.state NOT IN ('new', 'drafting', 'failed')
       AND d.created_at >= v.created_at - make_interval(days => ${SHADOW_BACKFILL_DAYS})
       AND NOT EXISTS (SELECT 1 FROM shadow_drafts s WHERE s.variant_id = v.id AND s.draft_id = d.id)
     ORDER BY d.created_at DESC, d.id, v.created_at, v.id
     LIMIT ${limit}`;
}

async function reasonToStop(db: DbClient, feed: DraftingFeed, model: string, signal?: AbortSignal): Promise<string | null> {
  if (signal?.aborted) return "The worker is stopping; the rest wait for the next run.";
  if (await liveDraftingRunning(db, feed)) return "A live drafting run of this feed started; shadow drafting resumes after it.";
  return budgetProblem(feed.writerId, model);
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
