import "server-only";

import { env, type Env } from "@/lib/config/env";
import { meteredProvider } from "@/lib/costs/metered-provider";
import { createDraftingProvider, type DraftingProvider } from "@/lib/drafting";
import { createRateLimiter, rateLimited, unlimited, type RateLimiter } from "@/lib/drafting/rate-limiter";
import { DomainError } from "@/lib/errors";
import { resolveVariantModel, type SpendAttribution, type VariantModel, type VariantModelSource } from "@/lib/variants/models";

/**
 * The models drafting variants use, built once per worker process. Every model is rate limited
 * with all other calls to the same provider (drafting runs, shadow drafts and AI revisions share
 * one budget per provider) and metered: every call is in the cost ledger, and none is made for a
 * writer whose LLM budget is spent.
 */
export type DraftingSetup = VariantModelSource;

export function draftingSetupFromEnv(config: Env = env()): DraftingSetup {
  const models = new Map<string, DraftingProvider>();
  const limiters = new Map<string, RateLimiter>();
  const limiterFor = (provider: DraftingProvider["id"]) => {
    const requestsPerMinute = config.LLM_REQUESTS_PER_MINUTE ?? (provider === "offline" ? null : DEFAULT_REMOTE_RPM);
    if (!requestsPerMinute) return unlimited;
    let limiter = limiters.get(provider);
    if (!limiter) limiters.set(provider, (limiter = createRateLimiter({ requestsPerMinute })));
    return limiter;
  };

  return {
    concurrency: config.DRAFTING_CONCURRENCY,
    modelFor(variantModel: VariantModel, spend?: SpendAttribution) {
      const resolved = resolveVariantModel(variantModel, config);
      if (!resolved.ok) throw new DomainError("blocked", resolved.problem);
      const key = JSON.stringify(resolved.config);
      let model = models.get(key);
      if (!model) {
        const provider = createDraftingProvider(resolved.config);
        models.set(key, (model = rateLimited(provider, limiterFor(provider.id))));
      }
      return spend ? meteredProvider(model, () => Promise.resolve(spend)) : meteredProvider(model);
    },
  };
}

/** For tests: one model answers for every variant, unmetered. */
export function singleModelSetup(provider: DraftingProvider, concurrency: number): DraftingSetup {
  return { concurrency, modelFor: () => provider };
}

/** A cautious default for a hosted model; raise LLM_REQUESTS_PER_MINUTE to your account's limit. */
const DEFAULT_REMOTE_RPM = 60;
