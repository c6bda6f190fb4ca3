import "server-only";

import { getDb } from "@/lib/db";
import type { TokenUsage } from "@/lib/drafting/provider";

import { estimateCostMicros, priceOf } from "./prices";

/** What a call was for: a first draft, a revision answering suggestions, a post's triage, or a shadow variant's draft. */
export type LlmPurpose = "draft" | "revise" | "triage" | "shadow";

export type LlmCallRecord = {
  writerId: string | null;
  provider: string;
  model: string;
  purpose: LlmPurpose;
  /** null: the call failed, and what it used is unknown. */
  usage: TokenUsage | null;
};

/** One ledger row per model call, priced at the model's price now. Returns the estimate (null: unknown). */
export async function recordLlmCall(call: LlmCallRecord): Promise<number | null> {
  const price = await priceOf(call.model);
  const costMicros = price && call.usage ? estimateCostMicros(price, call.usage) : null;
  await getDb().llmCall.create({
    data: {
      writerId: call.writerId,
      provider: call.provider,
      model: call.model,
      purpose: call.purpose,
      inputTokens: call.usage?.inputTokens ?? null,
      outputTokens: call.usage?.outputTokens ?? null,
      costMicros,
      ok: call.usage !== null,
      at: new Date(),
    },
  });
  return costMicros;
}
