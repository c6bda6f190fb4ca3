import "server-only";

import { z } from "zod";

import type { DbClient } from "@/lib/db";
import { classificationSchema, misleadingTagSchema, type NoteInput } from "@/lib/note-text";

import type { DraftingProvider } from "./provider";
import { reviseWithSuggestions } from "./revise";
import { saveRevisionOutcome, type SavedRevision } from "./revision-store";
import type { CallOptions } from "./structured-call";
import { toNormalizedPost } from "./stored-post";

export type RevisionRunResult = SavedRevision | { kind: "nothing_to_do"; reason: string };

const storedNote = z.object({
  text: z.string(),
  classification: classificationSchema,
  misleadingTags: z.array(misleadingTagSchema),
  trustworthySources: z.boolean(),
});

/**
 * Answers a draft's pending suggestions with an AI revision (the Collaborative Notes loop). Only a
 * draft in the queue is revised; suggestions on one that left it stay pending. Every answer is
 * stored by saveRevisionOutcome, which never lets the AI overwrite a person's newer edit.
 */
export async function reviseDraft(
  db: DbClient,
  provider: DraftingProvider,
  /** variantId: the drafting variant whose model answers (docs/variants.md), recorded on the revision. */
  request: { draftId: string; requestedById: string | null; variantId?: string | null },
  options: CallOptions = {},
): Promise<RevisionRunResult> {
  const { draftId, requestedById } = request;
  const draft = await db.draft.findUnique({
    where: { id: draftId },
    select: {
      state: true,
      version: true,
      post: true,
      currentRevision: { select: { id: true, text: true, classification: true, misleadingTags: true, trustworthySources: true } },
      suggestions: { where: { disposition: "pending" }, orderBy: { createdAt: "asc" }, select: { id: true, text: true } },
    },
  });
  if (!draft) return { kind: "nothing_to_do", reason: "The draft no longer exists." };
  if (draft.suggestions.length === 0) return { kind: "nothing_to_do", reason: "No suggestion is waiting for an answer." };
  if (draft.state !== "ready" || !draft.currentRevision) {
    return { kind: "nothing_to_do", reason: `The draft is not in the queue (it is ${draft.state}); its suggestions wait.` };
  }

  const current: NoteInput = storedNote.parse(draft.currentRevision);
  const outcome = await reviseWithSuggestions({
    post: toNormalizedPost(draft.post),
    currentRevision: current,
    suggestions: draft.suggestions,
    provider,
    options,
  });
  return saveRevisionOutcome(
    db,
    {
      draftId,
      version: draft.version,
      revisionId: draft.currentRevision.id,
      suggestionIds: draft.suggestions.map((s) => s.id),
      requestedById,
      variantId: request.variantId ?? null,
    },
    outcome,
  );
}
