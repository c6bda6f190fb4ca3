import type { NoteInput } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import { toWireNote } from "../output/wire-note";
import type { GenerationRequest, NoteSuggestion } from "../provider";
import * as draftV1 from "./draft-v1";
import * as draftV2 from "./draft-v2";
import * as revisePrompt from "./revise-v1";
import { fillTemplate, postContextBlocks, untrustedBlock } from "./untrusted-data";

export type PromptedRequest = { promptVersion: string; request: GenerationRequest };

/** Every released draft prompt, by version: what a drafting variant may choose (docs/variants.md). */
const draftPrompts = { [draftV1.version]: draftV1, [draftV2.version]: draftV2 } as const;

export type DraftPromptVersion = keyof typeof draftPrompts;
export const draftPromptVersions = Object.keys(draftPrompts) as [DraftPromptVersion, ...DraftPromptVersion[]];
export const DEFAULT_DRAFT_PROMPT: DraftPromptVersion = draftV1.version;

/** The temperature a draft prompt was written for: a variant's starting point. */
export function draftPromptTemperature(version: DraftPromptVersion): number {
  return draftPrompts[version].temperature;
}

export function buildDraftRequest(post: NormalizedPost, promptVersion: DraftPromptVersion = DEFAULT_DRAFT_PROMPT): PromptedRequest {
  const draftPrompt = draftPrompts[promptVersion];
  return {
    promptVersion: draftPrompt.version,
    request: {
      task: { kind: "draft", post, promptVersion: draftPrompt.version },
      system: draftPrompt.system,
      temperature: draftPrompt.temperature,
      messages: [{ role: "user", content: fillTemplate(draftPrompt.user, postContextBlocks(post)) }],
    },
  };
}

export function buildReviseRequest(
  post: NormalizedPost,
  currentRevision: NoteInput,
  suggestions: NoteSuggestion[],
): PromptedRequest {
  const blocks = [
    ...postContextBlocks(post),
    untrustedBlock("current_note", toWireNote(currentRevision)),
    untrustedBlock("suggestions", suggestions),
  ];
  return {
    promptVersion: revisePrompt.version,
    request: {
      task: { kind: "revise", post, currentRevision, suggestions },
      system: revisePrompt.system,
      temperature: revisePrompt.temperature,
      messages: [{ role: "user", content: fillTemplate(revisePrompt.user, blocks) }],
    },
  };
}
