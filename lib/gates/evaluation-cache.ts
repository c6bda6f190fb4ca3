import "server-only";

import { createHash } from "node:crypto";

import { getDb, sqlBatched } from "@/lib/db";
import type { XClient } from "@/lib/x";

/** sha256 hex of the UTF-8 text: lib/notes reads note_evaluations with the same key in SQL. */
const textHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * evaluate_note's score for this exact text on this post, asked once: the score belongs to the text,
 * so any edit asks again, and looking at the checklist twice spends no more of the rate limit.
 * Failures are never stored, so the next look asks again.
 */
export async function claimOpinionScore(evaluate: XClient["evaluateNote"], postId: string, text: string): Promise<number> {
  const key = { postId, textHash: textHash(text) };
  const [known] = await sqlBatched().$queryRaw<{ score: number }[]>`
    SELECT claim_opinion_score AS score FROM note_evaluations WHERE post_id = ${key.postId} AND text_hash = ${key.textHash}`;
  if (known) return known.score;
  const { claimOpinionScore: score } = await evaluate({ noteText: text, postId });
  await getDb().noteEvaluation.upsert({ where: { postId_textHash: key }, create: { ...key, claimOpinionScore: score }, update: { claimOpinionScore: score, evaluatedAt: new Date() } });
  return score;
}
