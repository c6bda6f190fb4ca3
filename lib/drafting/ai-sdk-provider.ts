import { generateText, type LanguageModel } from "ai";

import type { DraftingProvider, ProviderId } from "./provider";

/**
 * Any AI SDK language model as a drafting provider. Plain text generation on purpose: parsing,
 * validation and retries happen in one place for every provider (offline included), and a model
 * without native structured output still works.
 */
export function aiSdkProvider(id: Exclude<ProviderId, "offline">, modelName: string, model: LanguageModel): DraftingProvider {
  return {
    id,
    model: modelName,
    async generate({ system, messages, temperature, maxOutputTokens, abortSignal }) {
      const started = performance.now();
      const result = await generateText({ model, system, messages, temperature, maxOutputTokens, abortSignal });
      return {
        text: result.text,
        usage: { inputTokens: result.totalUsage.inputTokens ?? null, outputTokens: result.totalUsage.outputTokens ?? null },
        latencyMs: Math.round(performance.now() - started),
      };
    },
  };
}
