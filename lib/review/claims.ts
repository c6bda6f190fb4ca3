import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";

import { describeClaim } from "./claim-label";
import type { Actor, ClaimDto } from "./dto";
import type { QueueFilters } from "./queue-filters";
import { nextFreeDraft, queuePosition } from "./queue-sql";
import { claimLeaseEnd, inTransaction, liveClaim, utcNow, type Tx } from "./sql";
import { readStanding } from "./standing";
import { draftStateLabels } from "./transitions";

/**
 * Claims are leases on a draft in the queue. Each is taken or extended by one conditional UPDATE,
 * so two reviewers can never both win; an expired lease is simply free, with no sweeper.
 */

export type ClaimResult =
  | { claimed: true; draftId: string; version: number; claim: ClaimDto }
  | { claimed: false; draftId: string; heldBy: ClaimDto; message: string };

type ClaimRow = { id: string; version: number; claimedAt: Date; claimedUntil: Date; fresh: boolean };

const claimReturning = Prisma.sql`RETURNING d.id, d.version, d.claimed_at AS "claimedAt", d.claimed_until AS "claimedUntil",
  d.claimed_at = ${utcNow} AS fresh`;

/** Takes the draft for `actor` (or extends their own lease); someone else's live claim is reported, not broken. */
export async function claimDraft(draftId: string, actor: Actor): Promise<ClaimResult> {
  return inTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<ClaimRow[]>`
      UPDATE drafts AS d
      SET claimed_by_id = ${actor.id},
          claimed_at = CASE WHEN ${liveClaim} AND d.claimed_by_id = ${actor.id} THEN d.claimed_at ELSE ${utcNow} END,
          claimed_until = ${claimLeaseEnd}
      WHERE d.id = ${draftId} AND d.state = 'ready' AND (NOT ${liveClaim} OR d.claimed_by_id = ${actor.id})
      ${claimReturning}`;
    if (!row) return refusal(tx, draftId, actor);
    if (row.fresh) await auditClaim(tx, actor.id, row, "claim");
    return claimed(row, actor);
  });
}

/** Extends a lease the actor still holds. A lapsed lease nobody took is still theirs to extend. */
export async function renewClaim(draftId: string, actor: Actor): Promise<ClaimResult> {
  return inTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<ClaimRow[]>`
      UPDATE drafts AS d SET claimed_until = ${claimLeaseEnd}
      WHERE d.id = ${draftId} AND d.state = 'ready' AND d.claimed_by_id = ${actor.id}
      ${claimReturning}`;
    return row ? claimed(row, actor) : refusal(tx, draftId, actor, "Your claim on this draft was released. Claim it again to keep working.");
  });
}

/** Gives the draft back to the queue. Releasing a draft you don't hold changes nothing. */
export async function releaseClaim(draftId: string, actor: Actor): Promise<{ released: boolean }> {
  return inTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE drafts AS d SET claimed_by_id = NULL, claimed_at = NULL, claimed_until = NULL
      WHERE d.id = ${draftId} AND d.claimed_by_id = ${actor.id}
      RETURNING d.id`;
    if (row) {
      await recordAudit(tx, { actorId: actor.id, action: "draft.release", subjectType: "draft", subjectId: draftId });
    }
    return { released: Boolean(row) };
  });
}

/**
 * Claims the first free draft the filtered queue shows, or, leaving draft `after`, the first free
 * one after it in the list's order (from the top once nothing follows). SKIP LOCKED lets twenty
 * reviewers pull at once: each passes over rows another is claiming this instant instead of waiting
 * for them. null when nothing free matches.
 */
export async function claimNext(actor: Actor, filters: QueueFilters, after?: string): Promise<ClaimResult | null> {
  const candidates = { ...filters, state: "ready", claim: "unclaimed" } satisfies QueueFilters;
  return inTransaction(async (tx) => {
    const from = after ? await queuePosition(tx, after, filters.sort) : null;
    const [row] = await tx.$queryRaw<ClaimRow[]>`
      UPDATE drafts AS d
      SET claimed_by_id = ${actor.id}, claimed_at = ${utcNow}, claimed_until = ${claimLeaseEnd}
      WHERE d.id = ${nextFreeDraft(candidates, actor.id, from)}
      AND d.state = 'ready' AND NOT ${liveClaim}
      ${claimReturning}`;
    if (!row) return null;
    await auditClaim(tx, actor.id, row, "claim_next");
    return claimed(row, actor);
  });
}

function claimed(row: ClaimRow, actor: Actor): ClaimResult {
  return {
    claimed: true,
    draftId: row.id,
    version: row.version,
    claim: { byId: actor.id, byName: actor.name, since: row.claimedAt, until: row.claimedUntil },
  };
}

function auditClaim(tx: Tx, actorId: string, row: ClaimRow, how: "claim" | "claim_next") {
  return recordAudit(tx, {
    actorId,
    action: `draft.${how}`,
    subjectType: "draft",
    subjectId: row.id,
    after: { claimedUntil: row.claimedUntil.toISOString() },
  });
}

/** Why the claim did not happen, read after the update declined: someone holds it, or it left the queue. */
async function refusal(tx: Tx, draftId: string, actor: Actor, whenFree?: string): Promise<ClaimResult> {
  const draft = await readStanding(tx, draftId);
  if (draft.state !== "ready") {
    throw new DomainError("invalid_state", `This draft is ${draftStateLabels[draft.state]} now, so it can't be claimed.`);
  }
  if (draft.claim && draft.claim.byId !== actor.id) {
    return { claimed: false, draftId, heldBy: draft.claim, message: capitalize(describeClaim(draft.claim)) };
  }
  throw new DomainError("conflict", whenFree ?? "The claim changed hands at the same moment. Try again.");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
