import "server-only";

import { z } from "zod";

import { getDb, type Post } from "@/lib/db";
import { toNormalizedPost } from "@/lib/drafting/stored-post";

import { agedFrom } from "./assess";
import { assessCheckability } from "./heuristics";
import { labelReasons } from "./labels";
import { baseFromKey, priorityFactorsOf } from "./priority";
import { triageVerdicts, type ModelOpinion, type TriageDto } from "./types";

const verdictSchema = z.enum(triageVerdicts);

/** A post row with its triage, and who overturned it. */
export type TriagedPostRow = Post & { overturnedBy: { id: string; name: string } | null };

/** The model's answer stored with the post, as the heuristics take it. */
function storedOpinion(row: Post): ModelOpinion | null {
  if (row.triageModel === null || row.triageModelCheckable === null) return null;
  return { checkable: row.triageModelCheckable, reason: row.triageModelReason ?? "", model: row.triageModel, promptVersion: row.triagePromptVersion ?? "" };
}

/**
 * A post's triage as reviewers see it, or null when it was never assessed. The reasons are derived
 * here from the post and the model's stored opinion: the heuristics are pure, so while the rules are
 * unchanged they are exactly the reasons behind the stored verdict. If the rules have changed since,
 * `rulesNow` says what they judge now.
 */
export function triageOf(row: TriagedPostRow): TriageDto | null {
  if (row.checkability === null || row.triageVerdict === null || row.machineVerdict === null || row.priorityKey === null || row.triagedAt === null) {
    return null;
  }
  const post = toNormalizedPost(row);
  const opinion = storedOpinion(row);
  const now = assessCheckability(post, opinion);
  const from = agedFrom(post, row.firstSeenAt);
  const machineVerdict = verdictSchema.parse(row.machineVerdict);
  return {
    postId: row.id,
    verdict: verdictSchema.parse(row.triageVerdict),
    machineVerdict,
    checkability: row.checkability,
    reasons: labelReasons(now.reasons, opinion?.model ?? null),
    rulesNow: now.checkability === row.checkability && now.verdict === machineVerdict ? null : { checkability: now.checkability, verdict: now.verdict },
    assessedBy: opinion ? "llm" : "heuristic",
    model: opinion?.model ?? null,
    promptVersion: opinion?.promptVersion ?? null,
    priority: { base: baseFromKey(row.priorityKey, from), key: row.priorityKey, agedFrom: from, factors: priorityFactorsOf(post) },
    triagedAt: row.triagedAt,
    overturn: row.overturnedAt && row.overturnReason !== null ? { by: row.overturnedBy, at: row.overturnedAt, reason: row.overturnReason } : null,
  };
}

/** The triage of each post that has one, keyed by post id. */
export async function triageFor(postIds: readonly string[]): Promise<Map<string, TriageDto>> {
  if (postIds.length === 0) return new Map();
  const rows = await getDb().post.findMany({
    where: { id: { in: [...new Set(postIds)] }, triageVerdict: { not: null } },
    include: { overturnedBy: { select: { id: true, name: true } } },
  });
  return new Map(rows.flatMap((row) => {
    const triage = triageOf(row);
    return triage ? [[row.id, triage] as const] : [];
  }));
}
