import "server-only";

import { DomainError } from "@/lib/errors";
import { appLinkChecker } from "@/lib/links/app";
import type { LinkChecker } from "@/lib/links/checker";
import { appXClient, type XClient } from "@/lib/x";

import { blockedLine, gateIds, gateLabels, type GateChecklist, type GateId, type GateOverrideDto, type GateResult } from "./dto";
import { askEvaluator, evaluatorGate } from "./evaluator-gate";
import { linksGate } from "./link-gate";
import { classificationGate, lengthGate, modeGate, urlPresentGate } from "./note-gates";
import { applicableOverrides, markOverridesUsed } from "./overrides";
import { gateResult } from "./result";
import { createBudgetGate, emergencyStopGate, llmBudgetGate, notSubmittedGate, writingLimitGate } from "./standing-gates";
import { loadSubject, type GateSubject, type GateTarget } from "./subject";

/** The outside world the gates ask; resolved inside each gate, so a missing configuration fails that gate only. */
export type GateDeps = {
  evaluator: () => XClient["evaluateNote"];
  linkChecker: () => LinkChecker;
};

export const appGateDeps: GateDeps = {
  evaluator: () => appXClient().evaluateNote,
  linkChecker: () => appLinkChecker(),
};

/** The checklist for a draft's current note (the browser's view) or a frozen submission (the send path's). */
export async function evaluateGates(target: GateTarget, deps: GateDeps = appGateDeps): Promise<GateChecklist> {
  return checklistFor(await loadSubject(target), deps);
}

/** One gate's result as a pass records it. */
export type GatePassEntry = { id: GateId; reason: string; overriddenBy: string | null };

/** What a checklist that passed relied on: recorded with the approval, and checked again at send time. */
export type GatePass = {
  payloadHash: string;
  mode: "test" | "production";
  /** evaluate_note's ClaimOpinion score for exactly this payload's text; null when an override let a failed call through. */
  claimOpinionScore: number | null;
  overrides: GateOverrideDto[];
  gates: GatePassEntry[];
  checkedAt: Date;
  /** The links and evaluator results came from the approval's pass, judged moments before for this same payload. */
  reusedFromApproval: boolean;
};

/**
 * Judges everything and throws DomainError("blocked") naming every failing gate. Given a
 * submission, it judges exactly the frozen request (refusing one that no longer matches its
 * approval hash) and marks the overrides it relied on as used by that submission. A subject
 * already read (the send path's) is judged as it is.
 *
 * `approval`: the pass the approval in this same call recorded for this payload. Its links and
 * evaluate_note results are taken as they are (the link checker and the evaluator cache would
 * answer the same a moment later), while the note's own rules, the mode, the threshold, the
 * emergency stop, the budgets and "not already submitted" are judged again. Anything short of a
 * pass that way is judged again in full.
 */
export async function assertGatesPass(target: GateTarget | GateSubject, deps: GateDeps = appGateDeps, approval?: GatePass): Promise<GatePass> {
  const subject = "source" in target ? target : await loadSubject(target);
  const reusable = approval && canReuse(approval, subject) ? approval : undefined;
  const quick = reusable ? await checklistFor(subject, deps, reusable) : null;
  const checklist = quick?.passed ? quick : await checklistFor(subject, deps);
  if (!checklist.passed || checklist.payloadHash === null) {
    throw new DomainError("blocked", `Not sent. ${blockedLine(checklist, { reasons: true }) ?? "Blocked: the note can't be built as a request."}`);
  }
  const overrides = checklist.gates.flatMap((g) => (g.override ? [g.override] : []));
  if (subject.source === "frozen" && subject.submission) await markOverridesUsed(overrides, subject.submission.id, subject.draftId);
  return {
    payloadHash: checklist.payloadHash,
    mode: checklist.mode,
    claimOpinionScore: checklist.gates.find((g) => g.id === "evaluator")?.claimOpinion?.score ?? null,
    overrides,
    gates: checklist.gates.map((g) => ({ id: g.id, reason: g.reason, overriddenBy: g.override?.by ?? null })),
    checkedAt: checklist.evaluatedAt,
    reusedFromApproval: checklist === quick,
  };
}

/** Only a pass for this very payload that needed no override: a used override must be marked by the send. */
function canReuse(approval: GatePass, subject: GateSubject): boolean {
  return approval.payloadHash === subject.payloadHash && approval.overrides.length === 0 && approval.claimOpinionScore !== null;
}

async function checklistFor(subject: GateSubject, deps: GateDeps, approval?: GatePass): Promise<GateChecklist> {
  const score = approval?.claimOpinionScore;
  const checks: Record<GateId, () => GateResult | Promise<GateResult>> = {
    mode: () => modeGate(subject),
    length: () => lengthGate(subject),
    url_present: () => urlPresentGate(subject),
    links: () => (approval ? fromApproval(approval, "links") : linksGate(subject, deps.linkChecker())),
    classification: () => classificationGate(subject),
    evaluator: () => evaluatorGate(subject, score === undefined || score === null ? askEvaluator(subject, deps.evaluator) : async () => score),
    not_submitted: () => notSubmittedGate(subject),
    writing_limit: () => writingLimitGate(subject),
    create_budget: () => createBudgetGate(subject),
    llm_budget: () => llmBudgetGate(subject),
    emergency_stop: () => emergencyStopGate(),
  };
  const [results, overrides] = await Promise.all([
    Promise.all(gateIds.map((id) => failClosed(id, checks[id]))),
    subject.payloadHash && !approval ? applicableOverrides(subject.draftId, subject.payloadHash, subject.submission?.id ?? null) : new Map<GateId, GateOverrideDto>(),
  ]);
  const gates = results.map((result) => withOverride(result, overrides.get(result.id)));
  const blockedBy = gates.filter((g) => g.pass !== true).map((g) => g.label);
  return {
    draftId: subject.draftId,
    mode: subject.writerTestMode ? "test" : "production",
    payloadHash: subject.payloadHash,
    gates,
    blockedBy,
    passed: blockedBy.length === 0,
    evaluatedAt: new Date(),
  };
}

function fromApproval(approval: GatePass, id: GateId): GateResult {
  const recorded = approval.gates.find((g) => g.id === id);
  if (!recorded) return gateResult(id, false, "The approval's gate pass has no result for this check.");
  return gateResult(id, true, `${recorded.reason} (Checked for the approval at ${approval.checkedAt.toISOString().slice(11, 19)} UTC.)`);
}

/** A check that breaks is a failed gate, never a passed one; internals stay in the server log. */
async function failClosed(id: GateId, check: () => GateResult | Promise<GateResult>): Promise<GateResult> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof DomainError) return gateResult(id, false, `Couldn't be checked: ${error.message}`);
    console.error(`[gates] the ${gateLabels[id]} check failed`, error);
    return gateResult(id, false, "Couldn't be checked because of an unexpected error (see the server log). It counts as failed.");
  }
}

function withOverride(result: GateResult, override: GateOverrideDto | undefined): GateResult {
  if (result.pass === true || !result.overridable || !override) return result;
  return { ...result, pass: true, override, reason: `${result.reason} Overridden by ${override.by}: “${override.reason}”` };
}
