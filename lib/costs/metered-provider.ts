import "server-only";

import type { DraftingProvider, DraftingTask } from "@/lib/drafting/provider";

import { attributeFromDrafts, type CallAttribution } from "./attribution";
import { assertWithinLlmBudget } from "./budgets";
import { recordLlmCall } from "./ledger";

/**
 * The provider with a cost ledger around every call: the writer's budget is checked before the
 * call (a reached budget throws, which drafting records as a failed draft, and nothing is spent)
 * and the call is recorded after it, failed calls included, since they may be billed too.
 */
export function meteredProvider(
  provider: DraftingProvider,
  attribute: (task: DraftingTask) => Promise<CallAttribution> = attributeFromDrafts,
): DraftingProvider {
  return {
    id: provider.id,
    model: provider.model,
    async generate(request) {
      const { writerId, purpose } = await attribute(request.task);
      if (writerId) await assertWithinLlmBudget(writerId, provider.model);
      const call = { writerId, provider: provider.id, model: provider.model, purpose };
      try {
        const result = await provider.generate(request);
        await recordLlmCall({ ...call, usage: result.usage });
        return result;
      } catch (error) {
        await recordLlmCall({ ...call, usage: null });
        throw error;
      }
    },
  };
}
