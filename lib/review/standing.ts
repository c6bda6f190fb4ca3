import "server-only";

import { DomainError } from "@/lib/errors";
import type { DraftState, SqlRunner } from "@/lib/db";

import type { ClaimDto } from "./dto";
import { liveClaim } from "./sql";

export type DraftStanding = {
  state: DraftState;
  version: number;
  currentRevisionId: string | null;
  /** Whoever the row names, even after the lease ran out: a lapsed claim nobody took is still yours. */
  claimedById: string | null;
  /** The claim as others must respect it: null once the lease has run out. */
  claim: ClaimDto | null;
};

type Row = Omit<DraftStanding, "claim"> & { holderName: string | null; since: Date | null; until: Date | null; live: boolean };

/**
 * Where a draft stands, read only after a conditional update declined, to tell the person why.
 * The decision itself was already made, atomically, by the update.
 */
export async function readStanding(tx: SqlRunner, draftId: string): Promise<DraftStanding> {
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT d.state, d.version, d.current_revision_id AS "currentRevisionId", d.claimed_by_id AS "claimedById",
           u.name AS "holderName", d.claimed_at AS since, d.claimed_until AS until, ${liveClaim} AS live
    FROM drafts AS d LEFT JOIN users AS u ON u.id = d.claimed_by_id
    WHERE d.id = ${draftId}`;
  if (!row) throw new DomainError("not_found", "This draft no longer exists.");
  const { holderName, since, until, live, ...standing } = row;
  const claim = live && standing.claimedById && holderName && since && until ? { byId: standing.claimedById, byName: holderName, since, until } : null;
  return { ...standing, claim };
}
