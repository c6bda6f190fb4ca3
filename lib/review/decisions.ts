import "server-only";

import { z } from "zod";

import { Prisma, type DraftState } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { withdrawPendingSubmission } from "@/lib/submission/withdraw";

import type { Actor } from "./dto";
import { moveDraft, type MovedDraft } from "./move-draft";
import { rejectionSchema, type Rejection } from "./reject-reasons";
import { inTransaction, utcNow, type Tx } from "./sql";
import { undoableDecisions, undoOf } from "./transitions";

/** Where a decision left the draft: the version is what an undo (or the next action) must quote. */
export type DecisionResult = { draftId: string; state: DraftState; version: number };

const decisionColumns = (actor: Actor) => [Prisma.sql`decided_by_id = ${actor.id}`, Prisma.sql`decided_at = ${utcNow}`];
const clearedDecision = [Prisma.sql`decided_by_id = NULL`, Prisma.sql`decided_at = NULL`];

export async function rejectDraft(draftId: string, expectedVersion: number, rejection: Rejection, actor: Actor): Promise<DecisionResult> {
  const { reason, note } = rejectionSchema.parse(rejection);
  return inTransaction(async (tx) =>
    result(
      await moveDraft(tx, {
        action: "reject",
        draftId,
        actorId: actor.id,
        expectedVersion,
        set: [...decisionColumns(actor), Prisma.sql`reject_reason = ${reason}`, Prisma.sql`reject_note = ${note ?? null}`],
        auditAfter: { reason, note: note ?? null },
      }),
    ),
  );
}

/**
 * Skipping keeps the draft in the queue and sends it to the back (ready_at = now), so nobody meets
 * it again until the older drafts are done and it never lands in a pile nobody looks at. The place it
 * had is kept in the audit row, which is what lets an undo put it back.
 */
export async function skipDraft(draftId: string, expectedVersion: number, actor: Actor): Promise<DecisionResult> {
  return inTransaction(async (tx) => {
    const place = await lockPlace(tx, draftId, expectedVersion);
    return result(
      await moveDraft(tx, {
        action: "skip",
        draftId,
        actorId: actor.id,
        expectedVersion,
        set: [Prisma.sql`ready_at = ${utcNow}`],
        auditBefore: { readyAt: place?.toISOString() ?? null },
      }),
    );
  });
}

/** The draft's place in the queue at the version the reviewer saw, locked until the skip commits. */
async function lockPlace(tx: Tx, draftId: string, version: number): Promise<Date | null> {
  const [row] = await tx.$queryRaw<{ readyAt: Date | null }[]>`
    SELECT ready_at AS "readyAt" FROM drafts WHERE id = ${draftId} AND version = ${version} FOR UPDATE`;
  return row?.readyAt ?? null;
}

const decisionEventSchema = z.object({
  action: z.enum(undoableDecisions),
  actorId: z.string().nullable(),
  before: z.looseObject({ readyAt: z.string().nullable().optional() }).nullable(),
});

/**
 * Takes back the reject, skip or approval that produced `expectedVersion`, if nothing has happened to
 * the draft since. Only its author may: undo is for "I pressed the wrong key", not for overruling a
 * colleague. The draft goes back to the queue held by the person undoing, where they left it.
 */
export async function undoDecision(draftId: string, expectedVersion: number, actor: Actor): Promise<DecisionResult> {
  return inTransaction(async (tx) => {
    const [event] = await tx.$queryRaw<unknown[]>`
      SELECT split_part(action, '.', 2) AS action, actor_id AS "actorId", before
      FROM audit_events
      WHERE subject_type = 'draft' AND subject_id = ${draftId}
        AND action IN (${Prisma.join(undoableDecisions.map((d) => `draft.${d}`))})
        AND (after ->> 'version')::int = ${expectedVersion}
      ORDER BY id DESC LIMIT 1`;
    const decision = event ? decisionEventSchema.parse(event) : null;
    if (!decision) throw new DomainError("invalid_state", "There is nothing to undo here: the draft's last change was not a reject, skip or approval.");
    if (decision.actorId !== actor.id) throw new DomainError("blocked", "Only the person who made this decision can undo it.");

    const undo = undoOf[decision.action];
    const set =
      decision.action === "reject"
        ? [...clearedDecision, Prisma.sql`reject_reason = NULL`, Prisma.sql`reject_note = NULL`]
        : decision.action === "skip"
          ? [Prisma.sql`ready_at = ${decision.before?.readyAt ? new Date(decision.before.readyAt) : null}`]
          : clearedDecision;
    const moved = await moveDraft(tx, { action: undo, draftId, actorId: actor.id, expectedVersion, set });
    if (decision.action === "approve") await withdrawPendingSubmission(tx, draftId, actor.id);
    return result(moved);
  });
}

/**
 * Puts a draft X refused for good, or one the AI chose not to write, back in the queue, held by the
 * reviewer, who edits it and approves again.
 */
export async function reopenDraft(draftId: string, expectedVersion: number, actor: Actor): Promise<DecisionResult> {
  return inTransaction(async (tx) => {
    const [draft] = await tx.$queryRaw<{ state: DraftState }[]>`SELECT state FROM drafts WHERE id = ${draftId}`;
    if (!draft) throw new DomainError("not_found", "This draft no longer exists.");
    if (draft.state !== "failed" && draft.state !== "no_note") {
      throw new DomainError("invalid_state", "Only a failed draft or one marked as needing no note can be reopened.");
    }
    return result(
      await moveDraft(tx, {
        action: draft.state === "failed" ? "reopenFailed" : "reopenNoNote",
        draftId,
        actorId: actor.id,
        // The version guards the state read above: a draft that moved on since is refused.
        expectedVersion,
        set: [Prisma.sql`ready_at = coalesce(ready_at, ${utcNow})`, ...clearedDecision],
      }),
    );
  });
}

/** Sends a ready draft back to the drafter; the caller queues the drafting run that redrafts it. */
export async function regenerateDraft(draftId: string, expectedVersion: number, actor: Actor): Promise<DecisionResult & { writerId: string }> {
  return inTransaction(async (tx) => {
    const moved = await moveDraft(tx, { action: "regenerate", draftId, actorId: actor.id, expectedVersion, set: [] });
    const [draft] = await tx.$queryRaw<{ writerId: string }[]>`SELECT writer_id AS "writerId" FROM drafts WHERE id = ${draftId}`;
    return { ...result(moved), writerId: draft?.writerId ?? "" };
  });
}

function result(moved: MovedDraft): DecisionResult {
  return { draftId: moved.id, state: moved.state, version: moved.version };
}
