import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createXai } from "@ai-sdk/xai";

import { aiSdkProvider } from "./ai-sdk-provider";
import { createOfflineDrafter } from "./offline/offline-drafter";
import type { DraftingProvider } from "./provider";

/** Passed in by the caller (parsed from the environment elsewhere): this folder never reads process.env. */
export type DraftingProviderConfig =
  | { provider: "xai"; apiKey: string; model: string; baseUrl?: string }
  | { provider: "openai-compatible"; baseUrl: string; apiKey?: string; model: string }
  | { provider: "offline"; simulatedLatencyMs?: number };

export function createDraftingProvider(config: DraftingProviderConfig): DraftingProvider {
  switch (config.provider) {
    case "xai": {
      const xai = createXai({ apiKey: config.apiKey, baseURL: config.baseUrl });
      return aiSdkProvider("xai", config.model, xai(config.model));
    }
    case "openai-compatible": {
      const endpoint = createOpenAICompatible({ name: "openai-compatible", baseURL: config.baseUrl, apiKey: config.apiKey });
      return aiSdkProvider("openai-compatible", config.model, endpoint(config.model));
    }
    case "offline":
      return createOfflineDrafter({ simulatedLatencyMs: config.simulatedLatencyMs });
  }
}
