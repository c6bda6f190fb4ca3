import type { LinkCheckResult } from "@/lib/links/types";

/**
 * The submit checklist as pages and actions receive it. Types, labels and the words built from
 * them only, so client components may import this file.
 */

export const gateIds = [
  "mode",
  "length",
  "url_present",
  "links",
  "classification",
  "evaluator",
  "not_submitted",
  "writing_limit",
  "create_budget",
  "llm_budget",
  "emergency_stop",
] as const;
export type GateId = (typeof gateIds)[number];

export const gateLabels: Record<GateId, string> = {
  mode: "Mode",
  length: "Length within 280",
  url_present: "At least one link",
  links: "Every link answers 200",
  classification: "Classification and tags agree",
  evaluator: "evaluate_note score",
  not_submitted: "Not already submitted",
  writing_limit: "Writing limit",
  create_budget: "Daily create budget",
  llm_budget: "LLM budget",
  emergency_stop: "Emergency stop off",
};

/**
 * Each gate's problem in plain words, for the line that says why a note can't be sent: the labels
 * above are the conditions a checklist row ticks off ("Emergency stop off"), which read backwards
 * after "Blocked". The row's reason says more.
 */
const gateProblems: Record<GateId, (gate: GateResult) => string> = {
  mode: () => "the draft's feed no longer matches the writer's mode",
  length: () => "the note is empty or over 280 characters",
  url_present: () => "the note has no link",
  links: (gate) => {
    const dead = gate.links?.filter((link) => !link.ok).length ?? 0;
    if (dead === 0) return "no link could be shown to answer 200";
    return dead === 1 ? "a link doesn't answer 200" : `${dead} links don't answer 200`;
  },
  classification: () => "the classification and the misleading reasons disagree",
  evaluator: (gate) => (gate.claimOpinion ? "the evaluator score is below the writer's threshold" : "evaluate_note gave no score"),
  not_submitted: () => "this writer's note on this post is already on X or on its way",
  writing_limit: () => "the writer's daily writing limit is reached",
  create_budget: () => "the day's POST /2/notes budget is used up",
  llm_budget: () => "the writer's LLM budget is reached",
  emergency_stop: () => "the emergency stop is on",
};

/**
 * Why the note can't be sent, naming every failing gate's problem: "Blocked: the emergency stop is on".
 * Null when nothing blocks. `reasons`: each problem followed by its gate's reason, for a refusal that
 * has no checklist beside it.
 */
export function blockedLine(checklist: Pick<GateChecklist, "gates" | "passed">, { reasons = false } = {}): string | null {
  if (checklist.passed) return null;
  return `Blocked: ${checklist.gates
    .filter((gate) => gate.pass !== true)
    .map((gate) => (reasons ? `${gateProblems[gate.id](gate)} (${gate.reason})` : gateProblems[gate.id](gate)))
    .join("; ")}`;
}

/** Only a human's judgment can overrule these: a site that blocks robots, an evaluator that misreads. */
export const overridableGates = ["links", "evaluator"] as const satisfies readonly GateId[];
export type OverridableGate = (typeof overridableGates)[number];

export const isOverridableGate = (id: GateId): id is OverridableGate => (overridableGates as readonly GateId[]).includes(id);

export type GateOverrideDto = { id: string; by: string; reason: string; at: Date };

export type GateResult = {
  id: GateId;
  label: string;
  /** "pending": still being checked (the browser's placeholder while the server works). */
  pass: boolean | "pending";
  /** Why it passes or fails, in plain words. */
  reason: string;
  overridable: boolean;
  /** The override that makes this gate pass despite failing its check. */
  override: GateOverrideDto | null;
  /** links: one result per link in the note. */
  links?: LinkCheckResult[];
  /** evaluator: the score for this exact text and the writer's threshold. */
  claimOpinion?: { score: number; minScore: number };
};

export type GateChecklist = {
  draftId: string;
  /** The mode the note would really be sent in. */
  mode: "test" | "production";
  /** The exact payload these gates judged (lib/submission's payload hash); null when it can't be sent as it is. */
  payloadHash: string | null;
  gates: GateResult[];
  /** Labels of the failing gates, in checklist order (blockedLine says what is wrong in words). */
  blockedBy: string[];
  passed: boolean;
  evaluatedAt: Date;
};
