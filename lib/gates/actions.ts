"use server";

import { z } from "zod";

import { defineAction } from "@/lib/auth/action";

import { evaluateGates } from "./evaluate";
import { overrideGate, overrideInputSchema } from "./overrides";

/**
 * The submit checklist's server actions, for the queue's submit area (docs/gates.md, phase 2).
 * Evaluating asks X's evaluator and the link checker, so it is a reviewer's action, not a viewer's.
 */

export const evaluateGatesAction = defineAction(
  { name: "gates.evaluate", role: "reviewer", input: z.object({ draftId: z.string().trim().min(1).max(64) }) },
  ({ draftId }) => evaluateGates({ draftId }),
);

/** Records the override, then returns the checklist as it now stands. */
export const overrideGateAction = defineAction({ name: "gates.override", role: "admin", input: overrideInputSchema }, async (input, { user }) => {
  await overrideGate(input, user);
  return evaluateGates({ draftId: input.draftId });
});
