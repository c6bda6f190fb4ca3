import "server-only";

import type { DbClient } from "@/lib/db";
import type { DraftingFeed } from "@/lib/drafting/draft-claims";
import { runDrafting, type DraftingRunResult } from "@/lib/drafting/drafting-run";
import { reviseDraft, type RevisionRunResult } from "@/lib/drafting/revision-run";

import type { VariantModelSource } from "./models";
import { liveVariant, liveVariantOfDraft } from "./store";

/**
 * Drafts the feed's waiting posts as the writer's live variant: its prompt, model and temperature,
 * its id on every AI revision. What reviewers see is this and only this; shadow variants draft
 * afterwards (shadow-run.ts).
 */
export async function draftAsLiveVariant(
  db: DbClient,
  models: VariantModelSource,
  options: { feed: DraftingFeed; triggeredById: string | null; signal?: AbortSignal },
): Promise<DraftingRunResult> {
  const live = await liveVariant(db, options.feed.writerId);
  return runDrafting(db, models.modelFor(live), {
    ...options,
    concurrency: models.concurrency,
    variant: { id: live.id, promptVersion: live.promptVersion, temperature: live.temperature },
  });
}

/**
 * Answers a draft's suggestions with the live variant's model (the revision prompt is its own, at its
 * own temperature), recording the variant on the revision.
 */
export async function reviseAsLiveVariant(
  db: DbClient,
  models: VariantModelSource,
  request: { draftId: string; requestedById: string | null },
): Promise<RevisionRunResult> {
  const live = await liveVariantOfDraft(db, request.draftId);
  if (!live) return { kind: "nothing_to_do", reason: "The draft no longer exists." };
  return reviseDraft(db, models.modelFor(live), { ...request, variantId: live.id });
}
