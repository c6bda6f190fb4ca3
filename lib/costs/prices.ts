import "server-only";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { OFFLINE_MODEL } from "@/lib/drafting/offline/offline-drafter";
import type { Actor } from "@/lib/review/dto";

import { dollarsToMicros } from "./money";

/** Micro-dollars per million tokens: $3.00 per million tokens is 3_000_000. */
export type ModelPrice = { inputMicrosPerMillionTokens: number; outputMicrosPerMillionTokens: number };

const perMillion = (inputDollars: number, outputDollars: number): ModelPrice => ({
  inputMicrosPerMillionTokens: dollarsToMicros(inputDollars),
  outputMicrosPerMillionTokens: dollarsToMicros(outputDollars),
});

/**
 * xAI's list prices when this was written (docs.x.ai, standard context, uncached input). Prices
 * change: an admin's price in Settings → Controls replaces these, and any other model has no price
 * until one is set.
 */
export const defaultPrices: Readonly<Record<string, ModelPrice>> = {
  "grok-4": perMillion(3, 15),
  "grok-4-0709": perMillion(3, 15),
  "grok-4-fast-reasoning": perMillion(0.2, 0.5),
  "grok-4-fast-non-reasoning": perMillion(0.2, 0.5),
  "grok-4-1-fast-reasoning": perMillion(0.2, 0.5),
  "grok-4-1-fast-non-reasoning": perMillion(0.2, 0.5),
  "grok-3": perMillion(3, 15),
  "grok-3-mini": perMillion(0.3, 0.5),
  "grok-code-fast-1": perMillion(0.2, 1.5),
  [OFFLINE_MODEL]: perMillion(0, 0),
};

export type PricedModel = ModelPrice & { model: string; source: "admin" | "default" };

export async function priceOf(model: string): Promise<PricedModel | null> {
  const set = await getDb().llmPrice.findUnique({ where: { model }, select: { inputMicrosPerMillionTokens: true, outputMicrosPerMillionTokens: true } });
  if (set) return { model, ...set, source: "admin" };
  const fallback = defaultPrices[model];
  return fallback ? { model, ...fallback, source: "default" } : null;
}

/** Every model with a price, admin-set ones first replacing their defaults, by name. */
export async function listPrices(): Promise<PricedModel[]> {
  const set = await getDb().llmPrice.findMany({ select: { model: true, inputMicrosPerMillionTokens: true, outputMicrosPerMillionTokens: true } });
  const byModel = new Map<string, PricedModel>(Object.entries(defaultPrices).map(([model, price]) => [model, { model, ...price, source: "default" }]));
  for (const row of set) byModel.set(row.model, { ...row, source: "admin" });
  return [...byModel.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/** Rounded up: an estimate that errs is better short of the budget than past it. null when a count is unknown. */
export function estimateCostMicros(price: ModelPrice, usage: { inputTokens: number | null; outputTokens: number | null }): number | null {
  if (usage.inputTokens === null || usage.outputTokens === null) return null;
  return Math.ceil((usage.inputTokens * price.inputMicrosPerMillionTokens + usage.outputTokens * price.outputMicrosPerMillionTokens) / 1_000_000);
}

const dollarsPerMillion = z.number({ message: "Enter dollars per million tokens, e.g. 3 or 0.2." }).min(0).max(1_000);

export const priceInputSchema = z.object({
  model: z.string().trim().min(1, { message: "Name the model exactly as the provider does, e.g. grok-4." }).max(200),
  /** null: forget the admin's price (back to the default, if there is one). */
  price: z.object({ inputDollarsPerMillion: dollarsPerMillion, outputDollarsPerMillion: dollarsPerMillion }).nullable(),
});

export async function setModelPrice(input: z.input<typeof priceInputSchema>, actor: Actor): Promise<PricedModel | null> {
  const { model, price } = priceInputSchema.parse(input);
  const micros = price && perMillion(price.inputDollarsPerMillion, price.outputDollarsPerMillion);
  await getDb().$transaction(async (tx) => {
    const before = await tx.llmPrice.findUnique({ where: { model }, select: { inputMicrosPerMillionTokens: true, outputMicrosPerMillionTokens: true } });
    if (micros) {
      await tx.llmPrice.upsert({ where: { model }, create: { model, ...micros, updatedById: actor.id }, update: { ...micros, updatedById: actor.id, updatedAt: new Date() } });
    } else {
      await tx.llmPrice.deleteMany({ where: { model } });
    }
    await recordAudit(tx, { actorId: actor.id, action: "control.llm_price", subjectType: "control", subjectId: `llm_price:${model}`, before, after: micros });
  });
  return priceOf(model);
}
