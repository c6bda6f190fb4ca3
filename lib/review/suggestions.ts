import "server-only";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";

import type { Actor, SuggestionDto } from "./dto";
import { inTransaction } from "./sql";

export const suggestionTextSchema = z
  .string()
  .trim()
  .min(3, { message: "Say what the note should change." })
  .max(2000, { message: "Keep a suggestion under 2,000 characters." });

const suggestionSelect = {
  id: true,
  text: true,
  author: { select: { id: true, name: true } },
  disposition: true,
  dispositionReason: true,
  revisionId: true,
  createdAt: true,
  resolvedAt: true,
} as const;

/**
 * Stores a reviewer's improvement request as pending, for the AI revision loop to answer. Only a draft
 * in the queue takes suggestions; the draft row is share-locked so it cannot leave the queue meanwhile.
 */
export async function addSuggestion(draftId: string, text: string, actor: Actor): Promise<SuggestionDto> {
  const body = suggestionTextSchema.parse(text);
  return inTransaction(async (tx) => {
    const [queued] = await tx.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM drafts AS d WHERE d.id = ${draftId} AND d.state = 'ready' FOR SHARE`;
    if (!queued) {
      const exists = await tx.draft.findUnique({ where: { id: draftId }, select: { id: true } });
      throw exists
        ? new DomainError("invalid_state", "Suggestions can only be made on a draft in the queue.")
        : new DomainError("not_found", "This draft no longer exists.");
    }
    const suggestion = await tx.suggestion.create({ data: { draftId, authorId: actor.id, text: body }, select: suggestionSelect });
    await recordAudit(tx, { actorId: actor.id, action: "suggestion.add", subjectType: "draft", subjectId: draftId, after: { suggestionId: suggestion.id } });
    return suggestion;
  });
}

export async function listSuggestions(draftId: string, only?: "pending"): Promise<SuggestionDto[]> {
  return getDb().suggestion.findMany({
    where: { draftId, ...(only ? { disposition: only } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: suggestionSelect,
  });
}

export const dispositionSchema = z.object({
  suggestionId: z.string().min(1),
  disposition: z.enum(["yes", "no", "partially"]),
  reason: z.string().trim().min(1),
});
export type SuggestionDisposition = z.infer<typeof dispositionSchema>;

/**
 * For the AI revision loop: records how it answered each suggestion and, when it made one, the
 * revision that answers them. A suggestion is answered once: an already resolved one is left as is.
 * Returns the ids that were recorded.
 */
export async function recordSuggestionDispositions(
  draftId: string,
  revisionId: string | null,
  dispositions: SuggestionDisposition[],
): Promise<string[]> {
  const answers = z.array(dispositionSchema).parse(dispositions);
  return inTransaction(async (tx) => {
    const recorded: string[] = [];
    for (const answer of answers) {
      const { count } = await tx.suggestion.updateMany({
        where: { id: answer.suggestionId, draftId, disposition: "pending" },
        data: { disposition: answer.disposition, dispositionReason: answer.reason, revisionId, resolvedAt: new Date() },
      });
      if (count === 0) continue;
      recorded.push(answer.suggestionId);
      await recordAudit(tx, {
        actorId: null,
        action: "suggestion.answer",
        subjectType: "draft",
        subjectId: draftId,
        after: { suggestionId: answer.suggestionId, disposition: answer.disposition, revisionId },
      });
    }
    return recorded;
  });
}
