import "server-only";

import { env, type Env } from "@/lib/config/env";
import { llmChoice } from "@/lib/config/runtime";
import { meteredProvider } from "@/lib/costs/metered-provider";
import { createDraftingProvider, type DraftingProvider, type DraftingProviderConfig } from "@/lib/drafting";
import { createRateLimiter, rateLimited } from "@/lib/drafting/rate-limiter";

export type DraftingSetup = {
  /**
   * Already rate limited: drafting runs and revisions in this process share one budget. Metered:
   * every call is in the cost ledger, and none is made for a writer whose LLM budget is spent.
   */
  provider: DraftingProvider;
  concurrency: number;
};

/** The configured model behind the configured limits, built once per worker process. */
export function draftingSetupFromEnv(config: Env = env()): DraftingSetup {
  const provider = createDraftingProvider(providerConfig(config));
  const requestsPerMinute = config.LLM_REQUESTS_PER_MINUTE ?? (provider.id === "offline" ? null : DEFAULT_REMOTE_RPM);
  return {
    provider: meteredProvider(requestsPerMinute ? rateLimited(provider, createRateLimiter({ requestsPerMinute })) : provider),
    concurrency: config.DRAFTING_CONCURRENCY,
  };
}

/** A cautious default for a hosted model; raise LLM_REQUESTS_PER_MINUTE to your account's limit. */
const DEFAULT_REMOTE_RPM = 60;

function providerConfig(config: Env): DraftingProviderConfig {
  const choice = llmChoice(config);
  switch (choice.provider) {
    case "xai":
      // env's own validation requires the key whenever xai is chosen (explicitly or by the key's presence).
      return { provider: "xai", apiKey: config.XAI_API_KEY ?? "", model: choice.model };
    case "openai-compatible":
      return { provider: "openai-compatible", baseUrl: choice.endpoint ?? "", apiKey: config.OPENAI_COMPATIBLE_API_KEY, model: choice.model };
    case "offline":
      return { provider: "offline" };
  }
}
