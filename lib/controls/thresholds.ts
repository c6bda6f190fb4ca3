import "server-only";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { getDb, type Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/review/dto";

/**
 * The evaluate_note ClaimOpinion score a note needs before it may be sent. The score is unbounded
 * and X reads a negative one as opinion, so the default 0 means "not opinion"; a writer working
 * towards admission may want more (the simulator's "high" bucket starts at 1.0).
 */
export type ClaimOpinionThreshold = { minScore: number; source: "writer" | "default" };

export async function claimOpinionThreshold(writerId: string, db: Prisma.TransactionClient = getDb()): Promise<ClaimOpinionThreshold> {
  const writer = await db.writer.findUnique({ where: { id: writerId }, select: { claimOpinionMinScore: true } });
  return thresholdFor(writer?.claimOpinionMinScore ?? null);
}

/** The threshold given the writer's own setting (writers.claim_opinion_min_score), for callers that read the writer already. */
export function thresholdFor(own: number | null): ClaimOpinionThreshold {
  return own === null ? { minScore: env().CLAIM_OPINION_MIN_SCORE, source: "default" } : { minScore: own, source: "writer" };
}

/** null: back to the default (CLAIM_OPINION_MIN_SCORE). */
export const thresholdInputSchema = z.object({
  writerId: z.string().trim().min(1),
  minScore: z.number({ message: "Enter a number, e.g. 0 or 1.5." }).min(-10).max(10).nullable(),
});

export async function setClaimOpinionThreshold(input: z.input<typeof thresholdInputSchema>, actor: Actor): Promise<ClaimOpinionThreshold> {
  const { writerId, minScore } = thresholdInputSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.writer.findUnique({ where: { id: writerId }, select: { claimOpinionMinScore: true } });
    if (!before) throw new DomainError("not_found", "This writer no longer exists.");
    await tx.writer.update({ where: { id: writerId }, data: { claimOpinionMinScore: minScore } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "writer.claim_opinion_threshold",
      subjectType: "writer",
      subjectId: writerId,
      before: { minScore: before.claimOpinionMinScore },
      after: { minScore },
    });
    return claimOpinionThreshold(writerId, tx);
  });
}
