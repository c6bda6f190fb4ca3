import "server-only";

import { appGateDeps } from "@/lib/gates/evaluate";
import { reconcileSubmission, recoverStuckSubmissions } from "@/lib/submission/reconcile";
import { appNoteSender } from "@/lib/submission/sender";

import type { JobHandler } from "../context";

/**
 * Settles submissions whose outcome is unknown: sends stuck mid-call (a crashed process) become
 * needs_reconcile, and each of those is looked up in notes_written before anything is resent.
 */
export const reconcileSubmissionsJob: JobHandler<"reconcile-submissions"> = async (_data, ctx) => {
  const recovered = await recoverStuckSubmissions();
  const waiting = await ctx.db.submission.findMany({ where: { state: "needs_reconcile" }, select: { id: true }, take: 100 });
  const deps = { sender: appNoteSender(), gates: appGateDeps };
  const settled: Record<string, string> = {};
  for (const { id } of waiting) {
    const outcome = await reconcileSubmission(id, deps, null);
    settled[id] = outcome.submission.state;
  }
  return { recovered: recovered.length, settled };
};
