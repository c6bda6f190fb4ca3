/** A reviewer's "would I post this as is?" on a draft's AI draft. Types only: the review view imports it. */
export type RatingDto = {
  draftId: string;
  /** The AI revision that was judged. */
  revisionId: string;
  wouldPost: boolean;
  ratedAt: Date;
};

/** What rating did: `changed` is false when the same answer was given again (nothing was written). */
export type RateResultDto = RatingDto & { changed: boolean };
