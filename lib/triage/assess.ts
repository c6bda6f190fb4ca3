import type { NormalizedPost } from "@/lib/posts/post";

import { assessCheckability } from "./heuristics";
import { priorityBase, priorityFactorsOf, priorityKey } from "./priority";
import type { ModelOpinion, TriageAssessment } from "./types";

/** Age counts from when X says the post was made; a post without a usable date counts from when Notedesk first saw it. */
export function agedFrom(post: Pick<NormalizedPost, "postedAt">, firstSeenAt: Date): Date {
  const posted = post.postedAt ? new Date(post.postedAt) : null;
  return posted && !Number.isNaN(posted.getTime()) ? posted : firstSeenAt;
}

/** Checkability, verdict, reasons and priority of one post. Pure: the offline path gives the same answer every time. */
export function triagePost(post: NormalizedPost, firstSeenAt: Date, opinion: ModelOpinion | null = null): TriageAssessment {
  const { checkability, verdict, reasons } = assessCheckability(post, opinion);
  const priorityFactors = priorityFactorsOf(post);
  const base = priorityBase(checkability, priorityFactors);
  const from = agedFrom(post, firstSeenAt);
  return {
    postId: post.id,
    checkability,
    verdict,
    reasons,
    assessedBy: opinion ? "llm" : "heuristic",
    opinion,
    priorityBase: base,
    priorityFactors,
    agedFrom: from,
    priorityKey: priorityKey(base, from),
  };
}
