import "server-only";

import { DomainError } from "@/lib/errors";
import { appLinkChecker } from "@/lib/links/app";
import type { LinkChecker } from "@/lib/links/checker";
import { appXClient, type XClient } from "@/lib/x";

import { gateIds, gateLabels, type GateChecklist, type GateId, type GateOverrideDto, type GateResult } from "./dto";
import { evaluatorGate } from "./evaluator-gate";
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

/** What a send that passed relied on: for the approval record and the audit trail. */
export type GatePass = {
  payloadHash: string;
  mode: "test" | "production";
  claimOpinionScore: number | null;
  overrides: GateOverrideDto[];
};

/**
 * For the send path, on the server, right before the call to X: judges everything again and
 * throws DomainError("blocked") naming every failing gate. Given a submission, it judges exactly
 * the frozen request (refusing one that no longer matches its approval hash) and marks the
 * overrides it relied on as used by that submission.
 */
export async function assertGatesPass(target: GateTarget, deps: GateDeps = appGateDeps): Promise<GatePass> {
  const subject = await loadSubject(target);
  const checklist = await checklistFor(subject, deps);
  const failing = checklist.gates.filter((g) => g.pass !== true);
  if (failing.length > 0 || checklist.payloadHash === null) {
    throw new DomainError("blocked", `Not sent. Blocked by: ${failing.map((g) => `${g.label} (${g.reason})`).join("; ")}`);
  }
  const overrides = checklist.gates.flatMap((g) => (g.override ? [g.override] : []));
  if ("submissionId" in target) await markOverridesUsed(overrides, target.submissionId, subject.draftId);
  return {
    payloadHash: checklist.payloadHash,
    mode: checklist.mode,
    claimOpinionScore: checklist.gates.find((g) => g.id === "evaluator")?.claimOpinion?.score ?? null,
    overrides,
  };
}

async function checklistFor(subject: GateSubject, deps: GateDeps): Promise<GateChecklist> {
  const checks: Record<GateId, () => GateResult | Promise<GateResult>> = {
    mode: () => modeGate(subject),
    length: () => lengthGate(subject),
    url_present: () => urlPresentGate(subject),
    links: () => linksGate(subject, deps.linkChecker()),
    classification: () => classificationGate(subject),
    evaluator: () => evaluatorGate(subject, deps.evaluator),
    not_submitted: () => notSubmittedGate(subject),
    writing_limit: () => writingLimitGate(subject),
    create_budget: () => createBudgetGate(subject),
    llm_budget: () => llmBudgetGate(subject),
    emergency_stop: () => emergencyStopGate(),
  };
  const [results, overrides] = await Promise.all([
    Promise.all(gateIds.map((id) => failClosed(id, checks[id]))),
    subject.payloadHash ? applicableOverrides(subject.draftId, subject.payloadHash, subject.submission?.id ?? null) : new Map<GateId, GateOverrideDto>(),
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
