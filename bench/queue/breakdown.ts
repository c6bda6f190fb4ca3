import pg from "pg";

import { evaluateGates, type GateDeps } from "../../lib/gates/evaluate";
import type { Actor } from "../../lib/review/dto";
import { approveAndSubmit } from "../../lib/submission/approve-and-submit";
import type { NoteSender } from "../../lib/submission/sender";
import { submissionStepNames, type StepLog, type SubmissionStepName } from "../../lib/submission/steps";
import { summarize, type Timing } from "../lib/timing";

export type StepFigures = { step: SubmissionStepName | "between the steps"; time: Timing; statements: number };

/**
 * Where approve-and-submit's time goes: the same call the server action makes, in this process, with
 * lib/submission's step log and every SQL statement the pg driver sends counted (BEGIN and COMMIT
 * included). Each draft's submit checks are looked at first, as the confirm dialog does before its
 * button can be pressed; then only the click is measured.
 */
export async function approveBreakdown(input: { drafts: { id: string; version: number }[]; actor: Actor; sender: NoteSender; gates: GateDeps; warmup: number }): Promise<StepFigures[]> {
  const statements = countStatements();
  const perStep = new Map<StepFigures["step"], { ms: number[]; statements: number[] }>();
  const add = (step: StepFigures["step"], ms: number, count: number) => {
    const entry = perStep.get(step) ?? { ms: [], statements: [] };
    entry.ms.push(ms);
    entry.statements.push(count);
    perStep.set(step, entry);
  };
  try {
    for (const [i, draft] of input.drafts.entries()) {
      await evaluateGates({ draftId: draft.id }, input.gates);
      const steps: StepLog = [];
      statements.started.length = 0;
      const started = performance.now();
      const outcome = await approveAndSubmit(draft.id, draft.version, input.actor, { sender: input.sender, gates: input.gates, steps });
      const total = performance.now() - started;
      if (outcome.submission.state !== "succeeded") throw new Error(`approve-and-submit in process: ${outcome.message}`);
      if (i < input.warmup) continue;
      const within = (s: StepLog[number]) => statements.started.filter((at) => at >= s.start && at <= s.end).length;
      for (const s of steps) add(s.step, s.end - s.start, within(s));
      const stepped = steps.reduce((sum, s) => sum + (s.end - s.start), 0);
      add("between the steps", total - stepped, statements.started.length - steps.reduce((sum, s) => sum + within(s), 0));
    }
  } finally {
    statements.stop();
  }
  const order: StepFigures["step"][] = [...submissionStepNames, "between the steps"];
  return order.flatMap((step) => {
    const entry = perStep.get(step);
    if (!entry) return [];
    const counts = [...entry.statements].sort((a, b) => a - b);
    return [{ step, time: summarize(entry.ms), statements: counts[Math.floor(counts.length / 2)] ?? 0 }];
  });
}

/** The start time of every statement sent through pg from this process, until stop(). */
export function countStatements() {
  const started: number[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    started.push(performance.now());
    return original.apply(this, args);
  };
  return { started, stop: () => void (prototype.query = original) };
}
