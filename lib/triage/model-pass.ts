import "server-only";

import type { DbClient } from "@/lib/db";
import { createSemaphore } from "@/lib/drafting/semaphore";
import type { DraftingProvider } from "@/lib/drafting/provider";
import type { NormalizedPost } from "@/lib/posts/post";

import { triagePost } from "./assess";
import { IN_THRESHOLD } from "./heuristics";
import { assessWithModel, canAskModel } from "./model-opinion";
import { saveAssessments } from "./store";
import type { TriageAssessment } from "./types";

/** Bounds on one run's model pass: it may cost money and time, and ingestion must not wait long for it. */
export type ModelPassLimits = { maxPosts: number; concurrency: number; timeoutMs: number };
const defaultModelPassLimits: ModelPassLimits = { maxPosts: 50, concurrency: 4, timeoutMs: 20_000 };

/** A post just triaged by the heuristics, with the content hash and first sighting it was triaged under. */
export type ModelPassCandidate = { post: NormalizedPost; contentHash: string; firstSeenAt: Date; heuristic: TriageAssessment };
/** `turnedOut` − `turnedIn`: how the model moved the run's count of posts triaged out. */
export type ModelPassResult = { asked: number; answered: number; turnedIn: number; turnedOut: number };

/**
 * Asks the model about the posts the heuristics are least sure of (checkability nearest the
 * threshold), up to `maxPosts`, and stores the combined judgement where it answered. A post the
 * model could not answer for keeps the heuristics' assessment already stored. A blocked post
 * (a media note already shown) is out whatever anyone says, so it is not asked about.
 */
export async function refineWithModel(
  db: DbClient,
  provider: DraftingProvider,
  candidates: readonly ModelPassCandidate[],
  limits: ModelPassLimits = defaultModelPassLimits,
): Promise<ModelPassResult> {
  if (!canAskModel(provider)) return { asked: 0, answered: 0, turnedIn: 0, turnedOut: 0 };
  const chosen = candidates
    .filter((c) => !c.heuristic.blocked)
    .toSorted(
      (a, b) =>
        Math.abs(a.heuristic.checkability - IN_THRESHOLD) - Math.abs(b.heuristic.checkability - IN_THRESHOLD) ||
        a.post.id.localeCompare(b.post.id),
    )
    .slice(0, limits.maxPosts);
  const slots = createSemaphore(limits.concurrency);
  const answers = await Promise.all(
    chosen.map((c) => slots.run(async () => ({ ...c, opinion: await assessWithModel(c.post, provider, limits) }))),
  );
  const answered = answers.flatMap(({ post, contentHash, firstSeenAt, heuristic, opinion }) =>
    opinion ? [{ before: heuristic, after: triagePost(post, firstSeenAt, opinion), contentHash }] : [],
  );
  await saveAssessments(db, answered.map(({ after, contentHash }) => ({ assessment: after, contentHash })));
  const turned = (from: string, to: string) => answered.filter((a) => a.before.verdict === from && a.after.verdict === to).length;
  return { asked: chosen.length, answered: answered.length, turnedIn: turned("out", "in"), turnedOut: turned("in", "out") };
}
