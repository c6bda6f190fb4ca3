import "server-only";

import { thresholdFor } from "@/lib/controls/thresholds";
import { DomainError } from "@/lib/errors";
import { isXApiError, type XClient } from "@/lib/x";

import type { GateResult } from "./dto";
import { claimOpinionScore } from "./evaluation-cache";
import { gateResult } from "./result";
import type { GateSubject } from "./subject";

/** Why the evaluator could not answer, for the operator; an unexpected error says less, since it may hold internals. */
function whyNoScore(error: unknown): string {
  if (isXApiError(error)) return `${error.explanation} ${error.fix}`;
  if (error instanceof DomainError) return error.message;
  console.error("[gates] evaluate_note failed", error);
  return "An unexpected error stopped the call (see the server log).";
}

/**
 * The score for this exact text must reach the writer's threshold. A call that fails is a fail,
 * never a pass: a broken evaluator must not wave notes through. `score` asks evaluate_note (through
 * the cache), or gives the score the approval's gate pass recorded for this very text.
 */
export async function evaluatorGate(subject: GateSubject, score: (text: string) => Promise<number>): Promise<GateResult> {
  if (!subject.note || subject.note.text.trim() === "") return gateResult("evaluator", false, "There is no text to evaluate yet.");
  const { minScore, source } = thresholdFor(subject.standing.ownMinScore);
  const threshold = `the writer's ${source === "writer" ? "" : "default "}threshold of ${minScore}`;
  let value: number;
  try {
    value = await score(subject.note.text);
  } catch (error) {
    return gateResult("evaluator", false, `evaluate_note gave no score, so this can't pass: ${whyNoScore(error)}`);
  }
  const claimOpinion = { score: value, minScore };
  return value >= minScore
    ? gateResult("evaluator", true, `ClaimOpinion score ${value} reaches ${threshold}.`, { claimOpinion })
    : gateResult("evaluator", false, `ClaimOpinion score ${value} is below ${threshold}: X's evaluator reads this text as opinion more than sourced fact. Rework it, or an admin may override with a written reason.`, { claimOpinion });
}

/** Asks evaluate_note for this post, once per exact text (lib/gates/evaluation-cache). */
export const askEvaluator = (subject: GateSubject, evaluator: () => XClient["evaluateNote"]) => (text: string) => claimOpinionScore(evaluator(), subject.postId, text);
