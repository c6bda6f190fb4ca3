import "server-only";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";
import { inTransaction, utcNow, type Tx } from "@/lib/review/sql";

import type { RateResultDto } from "./dto";

const id = z.string().trim().min(1, { message: "Name the draft." }).max(64);

export const rateDraftInputSchema = z.object({
  draftId: id,
  /** The AI revision on the reviewer's screen: a rating is about the text they read. */
  revisionId: id,
  wouldPost: z.boolean({ message: "Answer yes or no." }),
});

export type RateDraftInput = z.output<typeof rateDraftInputSchema>;

type Row = { revisionId: string; wouldPost: boolean; ratedAt: Date };

/**
 * Records the reviewer's answer, one per draft and reviewer. Rating does not touch the draft (no
 * claim, no version, any state): it is an opinion about the AI's text, kept beside whatever is
 * decided. The same answer again changes nothing and writes no audit row; a different one (or the
 * same about a newer AI revision) replaces it, and the audit row keeps what it replaced.
 */
export async function rateDraft(input: RateDraftInput, actor: Actor): Promise<RateResultDto> {
  const { draftId, revisionId, wouldPost } = rateDraftInputSchema.parse(input);
  return inTransaction(async (tx) => {
    await assertAiRevision(tx, draftId, revisionId);
    const [inserted] = await tx.$queryRaw<Row[]>`
      INSERT INTO draft_ratings (draft_id, reviewer_id, revision_id, would_post, rated_at)
      VALUES (${draftId}, ${actor.id}, ${revisionId}, ${wouldPost}, ${utcNow})
      ON CONFLICT (draft_id, reviewer_id) DO NOTHING
      RETURNING revision_id AS "revisionId", would_post AS "wouldPost", rated_at AS "ratedAt"`;
    if (inserted) {
      await audit(tx, draftId, actor, null, inserted);
      return { draftId, ...inserted, changed: true };
    }

    const [previous] = await tx.$queryRaw<Row[]>`
      SELECT revision_id AS "revisionId", would_post AS "wouldPost", rated_at AS "ratedAt"
      FROM draft_ratings WHERE draft_id = ${draftId} AND reviewer_id = ${actor.id} FOR UPDATE`;
    if (!previous) throw new DomainError("conflict", "Your rating changed at the same moment. Try again.");
    if (previous.wouldPost === wouldPost && previous.revisionId === revisionId) return { draftId, ...previous, changed: false };

    const [updated] = await tx.$queryRaw<Row[]>`
      UPDATE draft_ratings SET revision_id = ${revisionId}, would_post = ${wouldPost}, rated_at = ${utcNow}
      WHERE draft_id = ${draftId} AND reviewer_id = ${actor.id}
      RETURNING revision_id AS "revisionId", would_post AS "wouldPost", rated_at AS "ratedAt"`;
    if (!updated) throw new DomainError("conflict", "Your rating changed at the same moment. Try again.");
    await audit(tx, draftId, actor, previous, updated);
    return { draftId, ...updated, changed: true };
  });
}

async function assertAiRevision(tx: Tx, draftId: string, revisionId: string): Promise<void> {
  const [revision] = await tx.$queryRaw<{ authorKind: string }[]>`
    SELECT author_kind::text AS "authorKind" FROM revisions WHERE id = ${revisionId} AND draft_id = ${draftId}`;
  if (!revision) throw new DomainError("not_found", "This draft or its AI draft no longer exists. Reload the page.");
  if (revision.authorKind !== "ai") throw new DomainError("invalid_state", "Only an AI draft can be rated: this revision was written by a person.");
}

function audit(tx: Tx, draftId: string, actor: Actor, before: Row | null, after: Row): Promise<void> {
  const state = (row: Row) => ({ wouldPost: row.wouldPost, revisionId: row.revisionId });
  return recordAudit(tx, { actorId: actor.id, action: "draft.rate", subjectType: "draft", subjectId: draftId, before: before && state(before), after: state(after) });
}
