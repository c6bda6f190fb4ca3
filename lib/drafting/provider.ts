import type { NoteInput } from "@/lib/note-text";
import type { NormalizedPost } from "@/lib/posts/post";

import type { DraftPromptVersion } from "./prompts/build-request";

export type ProviderId = "xai" | "openai-compatible" | "offline";

/** A reviewer's request to improve a draft (Collaborative Notes). */
export type NoteSuggestion = { id: string; text: string };

/**
 * What a prompt was rendered from. Real models only ever see `system` and `messages`; the offline
 * drafter cannot read prose, so it works from this instead and still answers in the same JSON.
 */
export type DraftingTask =
  /** promptVersion: absent means draft-v1 (the offline drafter writes in that version's style). */
  | { kind: "draft"; post: NormalizedPost; promptVersion?: DraftPromptVersion }
  | { kind: "revise"; post: NormalizedPost; currentRevision: NoteInput; suggestions: NoteSuggestion[] };

export type ChatTurn = { role: "user" | "assistant"; content: string };

export type GenerationRequest = {
  task: DraftingTask;
  system: string;
  messages: ChatTurn[];
  temperature?: number;
  maxOutputTokens?: number;
  abortSignal?: AbortSignal;
};

/** null: the provider did not say. */
export type TokenUsage = { inputTokens: number | null; outputTokens: number | null };

export type GenerationResult = { text: string; usage: TokenUsage; latencyMs: number };

export interface DraftingProvider {
  readonly id: ProviderId;
  readonly model: string;
  /** Raw model text. Throws when the provider fails; `draftPost` and `reviseWithSuggestions` turn that into an outcome. */
  generate(request: GenerationRequest): Promise<GenerationResult>;
}
