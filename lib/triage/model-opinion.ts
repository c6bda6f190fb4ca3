import { z } from "zod";

import type { PromptedRequest } from "@/lib/drafting/prompts/build-request";
import { fillTemplate, postContextBlocks } from "@/lib/drafting/prompts/untrusted-data";
import type { DraftingProvider } from "@/lib/drafting/provider";
import { callForStructuredAnswer } from "@/lib/drafting/structured-call";
import type { NormalizedPost } from "@/lib/posts/post";

import * as prompt from "./prompts/triage-v1";
import type { ModelOpinion } from "./types";

const modelAnswerSchema = z.object({ checkable: z.boolean(), reason: z.string().trim().min(1) });

/** Only a real model is asked: the offline drafter cannot read prose, so offline triage is the heuristics alone. */
export function canAskModel(provider: DraftingProvider): boolean {
  return provider.id !== "offline";
}

function buildTriageRequest(post: NormalizedPost): PromptedRequest {
  return {
    promptVersion: prompt.version,
    request: {
      // Providers only read `task` to know which post a call is for (the offline drafter, cost
      // attribution); the drafting task type has no triage kind, and "draft" names the same post.
      task: { kind: "draft", post },
      system: prompt.system,
      temperature: prompt.temperature,
      messages: [{ role: "user", content: fillTemplate(prompt.user, postContextBlocks(post)) }],
    },
  };
}

export type ModelCallOptions = { timeoutMs: number };

/**
 * The cheap model pass on one post: one retry on an unusable answer, a hard timeout, and null on
 * any failure, so the caller keeps the heuristics' judgement. Never throws for the model's sake.
 */
export async function assessWithModel(post: NormalizedPost, provider: DraftingProvider, { timeoutMs }: ModelCallOptions): Promise<ModelOpinion | null> {
  if (!canAskModel(provider)) return null;
  const result = await callForStructuredAnswer(provider, buildTriageRequest(post), modelAnswerSchema, () => [], {
    maxRetries: 1,
    maxOutputTokens: prompt.maxOutputTokens,
    abortSignal: AbortSignal.timeout(timeoutMs),
  });
  if (!result.ok) return null;
  return { ...result.value, model: provider.model, promptVersion: prompt.version };
}
