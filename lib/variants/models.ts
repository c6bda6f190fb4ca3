import "server-only";

import { env, type Env } from "@/lib/config/env";
import { llmChoice } from "@/lib/config/runtime";
import type { LlmPurpose } from "@/lib/costs/ledger";
import { OFFLINE_MODEL, type DraftingProvider, type DraftingProviderConfig } from "@/lib/drafting";

import type { VariantProvider } from "./dto";

/** The part of a variant that says which model drafts. */
export type VariantModel = { provider: VariantProvider; model: string | null };

export type ResolvedModel = { label: string } & ({ ok: true; config: DraftingProviderConfig } | { ok: false; problem: string });

/**
 * How a variant's model is reached on this server: the environment supplies keys and endpoints, the
 * variant only names the provider and model. A provider the environment does not configure is a
 * problem, said in words, never an exception.
 */
export function resolveVariantModel({ provider, model }: VariantModel, config: Env = env()): ResolvedModel {
  switch (provider) {
    case "env": {
      const choice = llmChoice(config);
      const resolved = resolveVariantModel({ provider: choice.provider, model: choice.model }, config);
      return { ...resolved, label: `environment: ${resolved.label}` };
    }
    case "offline":
      return { ok: true, label: `offline · ${OFFLINE_MODEL}`, config: { provider: "offline" } };
    case "xai": {
      const label = `xai · ${model ?? "no model"}`;
      if (!config.XAI_API_KEY) return { ok: false, label, problem: "xAI is not configured on this server: set XAI_API_KEY." };
      if (!model) return { ok: false, label, problem: "An xAI variant needs a model name." };
      return { ok: true, label, config: { provider: "xai", apiKey: config.XAI_API_KEY, model } };
    }
    case "openai-compatible": {
      const label = `openai-compatible · ${model ?? "no model"}`;
      const baseUrl = config.OPENAI_COMPATIBLE_BASE_URL;
      if (!baseUrl) return { ok: false, label, problem: "No OpenAI-compatible endpoint is configured: set OPENAI_COMPATIBLE_BASE_URL." };
      if (!model) return { ok: false, label, problem: "An OpenAI-compatible variant needs a model name." };
      return { ok: true, label, config: { provider: "openai-compatible", baseUrl, apiKey: config.OPENAI_COMPATIBLE_API_KEY, model } };
    }
  }
}

/** Who a call's spend is booked to when the draft being drafted cannot tell (shadow drafts). */
export type SpendAttribution = { writerId: string; purpose: LlmPurpose };

/**
 * Where drafting gets a variant's model from: lib/jobs/drafting-setup.ts builds each model once per
 * worker, behind the provider's shared rate limit and the cost ledger. Throws a DomainError
 * ("blocked") for a model the server cannot reach; see resolveVariantModel.
 */
export type VariantModelSource = {
  modelFor(model: VariantModel, spend?: SpendAttribution): DraftingProvider;
  /** Model calls in flight at once for live drafting. */
  concurrency: number;
};
