import "server-only";

import { reviseDraft } from "@/lib/drafting/revision-run";

import type { JobHandler } from "../context";

/** Answers a draft's pending suggestions. A model failure leaves them pending and fails the job, so it is retried. */
export const reviseDraftJob: JobHandler<"revise-draft"> = async (data, ctx) => {
  const result = await reviseDraft(ctx.db, ctx.services.drafting().provider, { draftId: data.draftId, requestedById: data.triggeredById });
  if (result.kind === "failed") throw new Error(`The AI revision failed: ${result.reason}`);
  return result;
};
