import { validateEvaluation } from "../note-rules";
import { problems, type Reply } from "../problems";
import { claimOpinionScore } from "../scoring";
import type { RouteContext } from "./context";

/** Scores a draft by the same rule that buckets submitted notes; nothing is stored. */
export function evaluateNote(ctx: RouteContext): Reply {
  const result = validateEvaluation(ctx.body);
  if (!result.ok) return problems.invalidRequest(result.issues);
  return { status: 200, body: { data: { claim_opinion_score: claimOpinionScore(result.noteText) } } };
}
