import { getDb } from "../../lib/db";
import { rateDraft } from "../../lib/ratings/rate";
import { rejectDraft } from "../../lib/review/decisions";
import type { Actor } from "../../lib/review/dto";
import type { RejectReason } from "../../lib/review/reject-reasons";

/** How much of the queue the demo reviewer gets through before the demo starts. */
const RATED_FROM_QUEUE = 30;
const REJECTED = 6;
const REJECT_REASONS: RejectReason[] = ["weak_sources", "misses_point", "inaccurate"];

/**
 * The Insights page's first material (docs/insights.md): the demo reviewer's "would I post this as
 * is?" on every draft the demo sent and on the front of the queue, and a few of the "no"s rejected
 * with a reason. All through the real paths, audited like a person's work. The stand-in reviewer
 * judges nothing: it says no to every third draft, so both answers show (the offline drafter's notes
 * are too alike for any honest rule to tell them apart).
 */
export async function seedDemoRatings(writerId: string, reviewer: Actor): Promise<string> {
  const drafts = await getDb().draft.findMany({
    where: { writerId, OR: [{ state: { in: ["submitted", "submitting", "approved", "failed"] }, decidedAt: { not: null } }, { state: "ready" }] },
    orderBy: [{ state: "desc" }, { readyAt: "asc" }, { id: "asc" }],
    select: { id: true, version: true, state: true, revisions: { where: { authorKind: "ai" }, orderBy: { number: "asc" }, take: 1, select: { id: true } } },
  });
  const sent = drafts.filter((draft) => draft.state !== "ready");
  const queued = drafts.filter((draft) => draft.state === "ready").slice(0, RATED_FROM_QUEUE);
  let ratings = 0;
  let rejected = 0;
  for (const [index, draft] of [...sent, ...queued].entries()) {
    const ai = draft.revisions[0];
    if (!ai) continue;
    const wouldPost = index % 3 !== 2;
    await rateDraft({ draftId: draft.id, revisionId: ai.id, wouldPost }, reviewer);
    ratings += 1;
    if (!wouldPost && draft.state === "ready" && rejected < REJECTED) {
      const reason = REJECT_REASONS[rejected % REJECT_REASONS.length]!;
      await rejectDraft(draft.id, draft.version, { reason }, reviewer);
      rejected += 1;
    }
  }
  return `insights    ${ratings} drafts rated "would I post this as is?", ${rejected} rejected with a reason`;
}
