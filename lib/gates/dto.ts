import type { LinkCheckResult } from "@/lib/links/types";

/**
 * The submit checklist as pages and actions receive it. Types and labels only, so client
 * components may import this file.
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
  /** Labels of the failing gates, in checklist order: what the submit button names. */
  blockedBy: string[];
  passed: boolean;
  evaluatedAt: Date;
};
