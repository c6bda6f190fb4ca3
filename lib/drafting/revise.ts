import { extractUrls, type NoteInput } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import { checkDraft, noteRuleErrors, type DraftChecks } from "./checks";
import { findInjectionSignsInDraft, findInjectionSignsInPost } from "./injection";
import { decideKeep } from "./keep-rule";
import { reviseAnswerSchema, type ReviseAnswer, type StoryAssessment, type SuggestionDisposition } from "./output/answers";
import { buildReviseRequest } from "./prompts/build-request";
import type { DraftingProvider, NoteSuggestion } from "./provider";
import { callForStructuredAnswer, type CallOptions, type Provenance } from "./structured-call";

export type RevisedNote = {
  note: NoteInput;
  rationale: string;
  storyAssessment: StoryAssessment;
  checks: DraftChecks;
  injectionSuspected: boolean;
  injectionReasons: string[];
};

export type RevisionOutcome =
  | { kind: "kept"; kept: true; reason: string; revision: RevisedNote; dispositions: SuggestionDisposition[]; provenance: Provenance }
  | {
      kind: "discarded";
      kept: false;
      reason: string;
      /** What the model proposed, for the record; not a new version. */
      proposal: RevisedNote;
      dispositions: SuggestionDisposition[];
      provenance: Provenance;
    }
  | { kind: "failed"; kept: false; reason: string; rawOutput: string | null; dispositions: []; provenance: Provenance };

export type RevisionRequest = {
  post: NormalizedPost;
  currentRevision: NoteInput;
  /** At least one. */
  suggestions: NoteSuggestion[];
  provider: DraftingProvider;
  options?: CallOptions;
};

/**
 * The Collaborative Notes loop: the model revises the note with the reviewers' suggestions and
 * answers each one (YES / NO / PARTIALLY, with an explanation for its author); the revision becomes
 * a new version only if `decideKeep` finds the change meaningful. Dispositions are returned either
 * way. Provider and model failures come back as `failed`, never as an exception.
 */
export async function reviseWithSuggestions({
  post,
  currentRevision,
  suggestions,
  provider,
  options,
}: RevisionRequest): Promise<RevisionOutcome> {
  if (suggestions.length === 0) throw new RangeError("reviseWithSuggestions needs at least one suggestion");

  const result = await callForStructuredAnswer(
    provider,
    buildReviseRequest(post, currentRevision, suggestions),
    reviseAnswerSchema,
    (answer) => [...dispositionProblems(answer, suggestions), ...noteRuleErrors(answer.note)],
    options,
  );
  const unanswered = result.ok ? dispositionProblems(result.value, suggestions) : [];
  if (!result.ok || unanswered.length > 0) {
    return {
      kind: "failed",
      kept: false,
      reason: result.ok ? `The model did not answer every suggestion: ${unanswered.join(" ")}` : result.reason,
      rawOutput: result.rawOutput,
      dispositions: [],
      provenance: result.provenance,
    };
  }

  const { value: answer, provenance } = result;
  const knownUrls = [...suggestions.flatMap((s) => extractUrls(s.text)), ...extractUrls(currentRevision.text)];
  const injectionReasons = [...findInjectionSignsInPost(post), ...findInjectionSignsInDraft(answer.note, post, knownUrls)];
  const proposal: RevisedNote = {
    note: answer.note,
    rationale: answer.rationale,
    storyAssessment: answer.storyAssessment,
    checks: checkDraft(answer.note),
    injectionSuspected: injectionReasons.length > 0,
    injectionReasons,
  };
  const decision = decideKeep(currentRevision, answer.note, answer.storyAssessment);
  return decision.keep
    ? { kind: "kept", kept: true, reason: decision.reason, revision: proposal, dispositions: answer.dispositions, provenance }
    : { kind: "discarded", kept: false, reason: decision.reason, proposal, dispositions: answer.dispositions, provenance };
}

function dispositionProblems(answer: ReviseAnswer, suggestions: readonly NoteSuggestion[]): string[] {
  const answered = answer.dispositions.map((d) => d.suggestionId);
  return [
    ...suggestions
      .filter((s) => answered.filter((id) => id === s.id).length !== 1)
      .map((s) => `Suggestion "${s.id}" must be answered exactly once.`),
    ...answered.filter((id) => !suggestions.some((s) => s.id === id)).map((id) => `There is no suggestion "${id}".`),
  ];
}
