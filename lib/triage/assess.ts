import type { NormalizedPost } from "@/lib/posts/post";

import { scoreCheckability } from "./heuristics";
import { priorityBase, priorityFactorsOf, priorityKey } from "./priority";
import type { ModelOpinion, TriageAssessment } from "./types";

/** Age counts from when X says the post was made; a post without a usable date counts from when Notedesk first saw it. */
export function agedFrom(post: Pick<NormalizedPost, "postedAt">, firstSeenAt: Date): Date {
  const posted = post.postedAt ? new Date(post.postedAt) : null;
  return posted && !Number.isNaN(posted.getTime()) ? posted : firstSeenAt;
}

/** Checkability, verdict and priority of one post, as stored. Pure: the offline path gives the same answer every time. */
export function triagePost(post: NormalizedPost, firstSeenAt: Date, opinion: ModelOpinion | null = null): TriageAssessment {
  const { checkability, verdict, blocked, against } = scoreCheckability(post, opinion);
  const priorityFactors = priorityFactorsOf(post);
  const base = priorityBase(checkability, priorityFactors);
  const from = agedFrom(post, firstSeenAt);
  return {
    postId: post.id,
    checkability,
    verdict,
    blocked,
    against,
    assessedBy: opinion ? "llm" : "heuristic",
    opinion,
    priorityBase: base,
    priorityFactors,
    agedFrom: from,
    priorityKey: priorityKey(base, from),
  };
}
