/**
 * The X AI Note Writer API client. Network calls go through `createXClient`; the schemas and normalizers
 * are pure and may be used on stored responses.
 */
export { createXClient, type XClient, type XClientOptions } from "./client";
export type { XAuth, RateLimitStatus } from "./transport";
export type { RetryPolicy } from "./backoff";
export { createRateBudget, type RateBudget, type BudgetSnapshot } from "./rate-budget";

export type { EligiblePostsQuery, EligiblePostsPage } from "./endpoints/eligible-posts";
export type { NotesWrittenQuery, NotesWrittenPage } from "./endpoints/notes-written";
export {
  createNoteRequestBody,
  type NewNote,
  type CreateNoteBody,
  type CreateNoteOutcome,
} from "./endpoints/create-note";
export type { NoteEvaluation } from "./endpoints/evaluate-note";
export type { PageLimits } from "./pagination";

export { XApiError, isXApiError, xErrorKinds, type XErrorKind } from "./errors";
export type { XProblem } from "./problem";

export { normalizeEligiblePage } from "./normalize-post";
export {
  normalizeWrittenNote,
  normalizeNotesWrittenPage,
  type NormalizedWrittenNote,
  type EvaluatorResult,
} from "./normalize-note";
export { eligiblePostsResponseSchema, type EligiblePostsResponse } from "./schemas/eligible-posts";
export { notesWrittenResponseSchema, type NotesWrittenResponse } from "./schemas/notes-written";

export {
  feedSizes,
  noteClassifications,
  misleadingTags,
  knownNoteStatuses,
  currentEvaluatorTypes,
  type FeedSize,
  type NoteClassification,
  type MisleadingTag,
} from "./fields";
export { appXClient } from "./app";
