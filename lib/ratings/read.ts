import "server-only";

import { getDb } from "@/lib/db";

import type { RatingDto } from "./dto";

/** The reviewer's own rating of a draft, for the review view; null before they rate. */
export async function ratingOf(draftId: string, reviewerId: string): Promise<RatingDto | null> {
  return getDb().draftRating.findUnique({
    where: { draftId_reviewerId: { draftId, reviewerId } },
    select: { draftId: true, revisionId: true, wouldPost: true, ratedAt: true },
  });
}
