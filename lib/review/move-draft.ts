import "server-only";

import { auditJson, auditRowsFrom, type AuditState } from "@/lib/audit/record";
import { Prisma, type DraftState, type SqlRunner } from "@/lib/db";
import { DomainError } from "@/lib/errors";

import { describeClaim } from "./claim-label";
import { claimLeaseEnd, liveClaim, utcNow } from "./sql";
import { readStanding } from "./standing";
import { draftStateLabels, draftTransitions, respectsClaims, type DraftAction } from "./transitions";

export type DraftMove = {
  action: DraftAction;
  draftId: string;
  /** null for the system (the sender, a recovery job). */
  actorId: string | null;
  /** The version the person acted on. System moves, guarded by the submission's own state, omit it. */
  expectedVersion?: number;
  /** Further columns the move sets (the reject reason, a new place in the queue). */
  set?: Prisma.Sql[];
  /** Further conditions the move needs. */
  where?: Prisma.Sql[];
  /** Facts for the audit row beyond state and version: what the move replaced, and what it set. */
  auditBefore?: AuditState;
  auditAfter?: AuditState;
};

export type MovedDraft = { id: string; state: DraftState; version: number };

/**
 * One conditional UPDATE (state, version and claim in the WHERE) and its audit row, in one statement
 * in the caller's transaction. null when the draft was not where the caller expected: nothing changed.
 */
export async function tryMoveDraft(tx: SqlRunner, move: DraftMove): Promise<MovedDraft | null> {
  const [moved] = await tx.$queryRaw<MovedDraft[]>`WITH ${draftMoveCtes(move)} SELECT id, state, version FROM moved`;
  return moved ?? null;
}

/**
 * The move as two common table expressions, `moved` (the UPDATE, returning the draft's id, state and
 * version) and its audit row, for a statement that goes on to change what depends on the draft
 * (lib/submission moves its submission in the same statement).
 */
export function draftMoveCtes(move: DraftMove): Prisma.Sql {
  const { from, to, claim } = draftTransitions[move.action];
  const claimSet =
    claim === "take" && move.actorId
      ? Prisma.sql`claimed_by_id = ${move.actorId}, claimed_at = ${utcNow}, claimed_until = ${claimLeaseEnd}`
      : Prisma.sql`claimed_by_id = NULL, claimed_at = NULL, claimed_until = NULL`;
  const conditions = [Prisma.sql`d.id = ${move.draftId}`, Prisma.sql`d.state = ${from}::"DraftState"`];
  if (move.expectedVersion !== undefined) conditions.push(Prisma.sql`d.version = ${move.expectedVersion}`);
  if (respectsClaims(move.action)) conditions.push(Prisma.sql`(NOT ${liveClaim} OR d.claimed_by_id = ${move.actorId})`);
  conditions.push(...(move.where ?? []));

  return Prisma.sql`
    moved AS (
      UPDATE drafts AS d
      SET ${Prisma.join([Prisma.sql`state = ${to}::"DraftState"`, Prisma.sql`version = d.version + 1`, Prisma.sql`updated_at = ${utcNow}`, claimSet, ...(move.set ?? [])], ", ")}
      WHERE ${Prisma.join(conditions, " AND ")}
      RETURNING d.id, d.state, d.version
    ), moved_audit AS (
      ${auditRowsFrom("moved", {
        actorId: move.actorId,
        action: Prisma.sql`${`draft.${move.action}`}::text`,
        subjectType: "draft",
        subjectId: Prisma.sql`moved.id`,
        before: auditJson({ state: Prisma.sql`${from}::text`, version: Prisma.sql`moved.version - 1` }, move.auditBefore),
        after: auditJson({ state: Prisma.sql`${to}::text`, version: Prisma.sql`moved.version` }, move.auditAfter),
      })}
    )`;
}

/** Like tryMoveDraft, but a draft that was not where expected is an error saying why. */
export async function moveDraft(tx: SqlRunner, move: DraftMove): Promise<MovedDraft> {
  return (await tryMoveDraft(tx, move)) ?? explainRefusal(tx, move);
}

/** Throws the DomainError that says why a move was declined. */
export async function explainRefusal(tx: SqlRunner, move: Pick<DraftMove, "action" | "draftId" | "actorId" | "expectedVersion">): Promise<never> {
  const { from, verb } = draftTransitions[move.action];
  const draft = await readStanding(tx, move.draftId);
  if (draft.state !== from) {
    throw new DomainError("invalid_state", `Can't ${verb} this draft: it is ${draftStateLabels[draft.state]} now.`);
  }
  if (move.expectedVersion !== undefined && draft.version !== move.expectedVersion) {
    throw new DomainError("conflict", `Someone changed this draft since you opened it. Reload to see the latest version before you ${verb} it.`);
  }
  if (draft.claim && draft.claim.byId !== move.actorId) {
    throw new DomainError("conflict", `Can't ${verb} this draft: it is ${describeClaim(draft.claim)}.`);
  }
  throw new DomainError("conflict", "This draft changed at the same moment. Reload and try again.");
}
