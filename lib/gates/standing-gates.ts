import "server-only";

import { currentStop, describeStop } from "@/lib/controls/emergency-stop";
import { llmBudgetStatuses, describeBudgetReached } from "@/lib/costs/budgets";
import { formatMicros } from "@/lib/costs/money";
import { approvalsRemainingToday } from "@/lib/notes/approvals-remaining";
import { DAILY_CREATE_LIMIT, dailyBudgetRefusal } from "@/lib/submission/budget";

import type { GateResult } from "./dto";
import { gateResult } from "./result";
import type { GateSubject } from "./subject";

/** The gates about where the writer and the post stand, not about the note's text. */

/** One note per post per writer: a second is refused by X and wastes the writer's limit. */
export function notSubmittedGate(subject: GateSubject): GateResult {
  const state = subject.submission?.state;
  if (state === "sending") return gateResult("not_submitted", false, "This note is being sent right now.");
  if (state === "succeeded") return gateResult("not_submitted", false, "This note was already submitted to X.");
  if (state === "needs_reconcile") {
    return gateResult("not_submitted", false, "An earlier attempt may have reached X. Reconcile it first: Notedesk checks X's list of this writer's notes before anything is sent again.");
  }
  const onX = subject.standing.noteOnX;
  if (onX) return gateResult("not_submitted", false, `X already lists this writer's note ${onX} on this post, and accepts one note per post.`);
  return gateResult("not_submitted", true, "No note from this writer on this post yet.");
}

/**
 * X's daily writing limit for production notes, as lib/notes estimates it. An approval waiting to
 * be sent is already counted in `used`, so it may take the last slot rather than be refused by it.
 */
export async function writingLimitGate(subject: GateSubject): Promise<GateResult> {
  if (subject.writerTestMode) return gateResult("writing_limit", true, "Test-mode notes have no writing limit.");
  const { limit, used } = await approvalsRemainingToday(subject.writerId);
  const counted = subject.submission?.state === "pending" && Date.now() - subject.submission.createdAt.getTime() < 24 * 3_600_000;
  const usedByOthers = counted ? used - 1 : used;
  if (usedByOthers >= limit) {
    return gateResult("writing_limit", false, `${usedByOthers} production notes approved in the last 24 hours reach X's daily writing limit for this writer (about ${limit}, Notedesk's estimate). Wait, or write in test mode.`);
  }
  return gateResult("writing_limit", true, `${usedByOthers} of about ${limit} production notes used in the last 24 hours (Notedesk's estimate).`);
}

export function createBudgetGate(subject: GateSubject): GateResult {
  const refusal = dailyBudgetRefusal(subject.standing.creates);
  if (refusal) return gateResult("create_budget", false, refusal.message);
  return gateResult("create_budget", true, `${subject.standing.creates.used} of ${DAILY_CREATE_LIMIT} POST /2/notes calls used in the last 24 hours.`);
}

export async function llmBudgetGate(subject: GateSubject): Promise<GateResult> {
  const [status] = await llmBudgetStatuses(subject.writerId);
  if (!status) return gateResult("llm_budget", false, "This writer no longer exists.");
  const reached = describeBudgetReached(status);
  if (reached) return gateResult("llm_budget", false, reached);
  const { today, month } = status;
  if (today.capMicros === null && month.capMicros === null) return gateResult("llm_budget", true, "No LLM budget is set for this writer.");
  const parts = [
    today.capMicros !== null && `${formatMicros(today.spentMicros)} of ${formatMicros(today.capMicros)} today`,
    month.capMicros !== null && `${formatMicros(month.spentMicros)} of ${formatMicros(month.capMicros)} this month`,
  ].filter(Boolean);
  return gateResult("llm_budget", true, `Spent ${parts.join(", ")}.`);
}

export async function emergencyStopGate(): Promise<GateResult> {
  const stop = await currentStop();
  return stop ? gateResult("emergency_stop", false, `${describeStop(stop)}.`) : gateResult("emergency_stop", true, "Off.");
}
