import type { NoteInput } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import { toWireNote } from "../output/wire-note";
import type { GenerationRequest, NoteSuggestion } from "../provider";
import * as draftPrompt from "./draft-v1";
import * as revisePrompt from "./revise-v1";
import { fillTemplate, postContextBlocks, untrustedBlock } from "./untrusted-data";

export type PromptedRequest = { promptVersion: string; request: GenerationRequest };

export function buildDraftRequest(post: NormalizedPost): PromptedRequest {
  return {
    promptVersion: draftPrompt.version,
    request: {
      task: { kind: "draft", post },
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
