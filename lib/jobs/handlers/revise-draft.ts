import "server-only";

import { reviseAsLiveVariant } from "@/lib/variants/live-drafting";

import type { JobHandler } from "../context";

/** Answers a draft's pending suggestions. A model failure leaves them pending and fails the job, so it is retried. */
export const reviseDraftJob: JobHandler<"revise-draft"> = async (data, ctx) => {
  const result = await reviseAsLiveVariant(ctx.db, ctx.services.drafting(), { draftId: data.draftId, requestedById: data.triggeredById });
  if (result.kind === "failed") throw new Error(`The AI revision failed: ${result.reason}`);
  return result;
};
