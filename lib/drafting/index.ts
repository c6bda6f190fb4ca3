export { checkDraft, type CheckContext, type DraftCheckIssue, type DraftChecks } from "./checks";
export { createDraftingProvider, type DraftingProviderConfig } from "./create-provider";
export { draftPost, type DraftOptions, type DraftOutcome } from "./draft-post";
export { findInjectionSignsInDraft, findInjectionSignsInPost } from "./injection";
export { OFFLINE_MODEL } from "./offline/offline-drafter";
export {
  draftDecisions,
  incorporatedStatuses,
  storyAssessments,
  type Abstention,
  type DraftDecision,
  type IncorporatedStatus,
  type StoryAssessment,
  type SuggestionDisposition,
} from "./output/answers";
export type {
  DraftingProvider,
  GenerationRequest,
  GenerationResult,
  NoteSuggestion,
  ProviderId,
  TokenUsage,
} from "./provider";
export { reviseWithSuggestions, type RevisedNote, type RevisionOutcome, type RevisionRequest } from "./revise";
export { DEFAULT_MAX_RETRIES, type CallOptions, type Provenance } from "./structured-call";
