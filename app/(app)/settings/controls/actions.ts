"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/auth/action";
import { liftEmergencyStop, setEmergencyStop } from "@/lib/controls/emergency-stop";
import { writtenReasonSchema } from "@/lib/controls/reason";
import { setClaimOpinionThreshold, thresholdInputSchema } from "@/lib/controls/thresholds";
import { modeSwitchSchema, switchWriterMode } from "@/lib/controls/writer-mode";
import { budgetInputSchema, setWriterLlmBudget } from "@/lib/costs/budgets";
import { priceInputSchema, setModelPrice } from "@/lib/costs/prices";

/** Settings → Controls: admin only, each one call into lib/controls or lib/costs, every change audited there. */

const withReason = z.object({ reason: writtenReasonSchema });

/** The stop's banner and the writer's mode badge are in the shell: every page shows them. */
const refreshEverywhere = () => revalidatePath("/", "layout");

export const setEmergencyStopAction = defineAction({ name: "controls.stop.set", role: "admin", input: withReason }, async ({ reason }, { user }) => {
  const stop = await setEmergencyStop(reason, user);
  refreshEverywhere();
  return stop;
});

export const liftEmergencyStopAction = defineAction({ name: "controls.stop.lift", role: "admin", input: withReason }, async ({ reason }, { user }) => {
  await liftEmergencyStop(reason, user);
  refreshEverywhere();
  return { lifted: true };
});

export const switchWriterModeAction = defineAction({ name: "controls.writer.mode", role: "admin", input: modeSwitchSchema }, async (input, { user }) => {
  const result = await switchWriterMode(input, user);
  refreshEverywhere();
  return result;
});

export const setThresholdAction = defineAction({ name: "controls.writer.threshold", role: "admin", input: thresholdInputSchema }, async (input, { user }) => {
  const threshold = await setClaimOpinionThreshold(input, user);
  revalidatePath("/settings/controls");
  return threshold;
});

export const setLlmBudgetAction = defineAction({ name: "controls.writer.budget", role: "admin", input: budgetInputSchema }, async (input, { user }) => {
  const status = await setWriterLlmBudget(input, user);
  refreshEverywhere();
  return status;
});

export const setModelPriceAction = defineAction({ name: "controls.price", role: "admin", input: priceInputSchema }, async (input, { user }) => {
  const price = await setModelPrice(input, user);
  revalidatePath("/settings/controls");
  return price;
});
