import "server-only";

import { getDb, type DbClient } from "@/lib/db";
import { utcNow } from "@/lib/review/sql";

import { estimateWritingLimit, type WritingLimitEstimate } from "./writing-limit-read";

export type ApprovalsRemaining = {
  /** The estimated daily writing limit. */
  limit: number;
  /** Production notes approved in the last 24 hours (sent, being sent, or waiting to be), X's refusals left out. */
  used: number;
  remaining: number;
  estimate: WritingLimitEstimate;
};

/** How many more production approvals fit today under the estimated limit: what the queue warns with. */
export async function approvalsRemainingToday(writerId: string, db: DbClient = getDb()): Promise<ApprovalsRemaining> {
  const [estimate, [usage]] = await Promise.all([
    estimateWritingLimit(writerId, db),
    db.$queryRaw<{ used: number }[]>`
      SELECT count(*)::int AS used FROM submissions
      WHERE writer_id = ${writerId} AND NOT test_mode AND state <> 'failed' AND created_at > ${utcNow} - interval '24 hours'`,
  ]);
  const used = usage?.used ?? 0;
  return { limit: estimate.limit, used, remaining: Math.max(0, estimate.limit - used), estimate };
}
