import "server-only";

import type { DbClient } from "@/lib/db";

import type { ClaimedDraft } from "./draft-claims";
import { saveDraftResults, type ClaimedResult, type DraftResult } from "./draft-outcome-store";

/** Outcomes per statement at most, so one statement stays short however far the writes fall behind. */
const MAX_BATCH = 50;

export type OutcomeWriter = {
  /** Resolves true once stored, false when the claim was no longer the run's; rejects when the database refused it. */
  save(claim: ClaimedDraft, result: DraftResult): Promise<boolean>;
};

/**
 * A drafting run's outcomes, written as they come with one statement in flight at most: an outcome
 * arriving while none is out is written at once, and those that arrive while one is out go together
 * in the next. Twenty model calls ending within a few milliseconds then cost a few statements, not
 * twenty; each statement's round trip and driver work is what the run's process spends instead of
 * drafting (docs/drafting.md, Drafting run). Nothing is held back on purpose, so a lone outcome is
 * never delayed. (Two statements in flight made more statements and no shorter end of the run.)
 */
export function createOutcomeWriter(db: DbClient, variantId: string | null): OutcomeWriter {
  const waiting: Pending[] = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    while (waiting.length > 0) await writeBatch(db, waiting.splice(0, MAX_BATCH), variantId);
    writing = false;
  };
  return {
    save: (claim, result) =>
      new Promise<boolean>((resolve, reject) => {
        waiting.push({ claim, result, resolve, reject });
        if (!writing) void drain();
      }),
  };
}

type Pending = ClaimedResult & { resolve(saved: boolean): void; reject(error: unknown): void };

/** Settles every outcome of the batch and never throws. */
async function writeBatch(db: DbClient, batch: Pending[], variantId: string | null): Promise<void> {
  try {
    const saved = await saveDraftResults(db, batch, variantId);
    for (const pending of batch) pending.resolve(saved.has(pending.claim.id));
  } catch (error) {
    // The statement wrote nothing. One outcome the database refuses must not fail the others with it,
    // so each is tried alone and only the refused one fails (its draft waits for recovery).
    if (batch.length === 1) batch[0]?.reject(error);
    else for (const pending of batch) await writeBatch(db, [pending], variantId);
  }
}
