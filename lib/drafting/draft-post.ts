import type { NoteInput } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import { checkDraft, noteRuleErrors, type DraftChecks } from "./checks";
import { findInjectionSignsInDraft, findInjectionSignsInPost } from "./injection";
import { draftAnswerSchema, type Abstention, type DraftAnswer } from "./output/answers";
import { buildDraftRequest, type DraftPromptVersion } from "./prompts/build-request";
import type { DraftingProvider } from "./provider";
import { callForStructuredAnswer, type CallOptions, type Provenance } from "./structured-call";

export type DraftOutcome =
  | {
      kind: "note";
      note: NoteInput;
      rationale: string;
      checks: DraftChecks;
      injectionSuspected: boolean;
      /** Why, in words a reviewer can act on; empty when not suspected. */
      injectionReasons: string[];
      provenance: Provenance;
    }
  | { kind: "abstain"; decision: Abstention; rationale: string; provenance: Provenance }
  | { kind: "failed"; reason: string; rawOutput: string | null; provenance: Provenance };

export type DraftOptions = CallOptions & {
  existingNoteTextsOnPost?: readonly string[];
  /** Default draft-v1. A drafting variant chooses its own (docs/variants.md). */
  promptVersion?: DraftPromptVersion;
};

/**
 * One AI draft for a post. Model and provider failures come back as a `failed` outcome, never as an
 * exception. A note that still breaks a rule after the retries is returned anyway, with the problem
 * in `checks`: a reviewer can fix a note that is 5 characters too long, and nothing is ever cut.
 */
export async function draftPost(post: NormalizedPost, provider: DraftingProvider, options: DraftOptions = {}): Promise<DraftOutcome> {
  const result = await callForStructuredAnswer(provider, buildDraftRequest(post, options.promptVersion), draftAnswerSchema, noteErrors, options);
  if (!result.ok) return { kind: "failed", reason: result.reason, rawOutput: result.rawOutput, provenance: result.provenance };

  const { value: answer, provenance } = result;
  if (answer.decision !== "write_note") {
    return { kind: "abstain", decision: answer.decision, rationale: answer.rationale, provenance };
  }
  const injectionReasons = [...findInjectionSignsInPost(post), ...findInjectionSignsInDraft(answer.note, post)];
  return {
    kind: "note",
    note: answer.note,
    rationale: answer.rationale,
    checks: checkDraft(answer.note, { existingNoteTextsOnPost: options.existingNoteTextsOnPost }),
    injectionSuspected: injectionReasons.length > 0,
    injectionReasons,
    provenance,
  };
}

function noteErrors(answer: DraftAnswer): string[] {
  return answer.decision === "write_note" ? noteRuleErrors(answer.note) : [];
}
