"use client";

import { useState, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-result";
import { formatMicros } from "@/lib/costs/money";
import type { PricedModel } from "@/lib/costs/prices";

import { useControlAction } from "./use-control-action";

type PriceInput = { model: string; price: { inputDollarsPerMillion: number; outputDollarsPerMillion: number } | null };
type Save = (input: PriceInput) => Promise<ActionResult<PricedModel | null>>;

/** What each model costs per million tokens: the defaults, and the admin's prices that replace them. */
export function ModelPricesForm({ prices, currentModel, save }: { prices: readonly PricedModel[]; currentModel: string; save: Save }) {
  const { pending, run } = useControlAction();
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const model = String(form.get("model") ?? "");
    const result = await run(
      () => save({ model, price: { inputDollarsPerMillion: Number(form.get("input")), outputDollarsPerMillion: Number(form.get("output")) } }),
      () => `Price saved for ${model}.`,
    );
    setErrors(result.ok ? [] : Object.values(result.fieldErrors ?? {}).flat());
  }

  return (
    <div className="flex flex-col gap-3">
      <table className="w-full text-left text-sm" data-testid="model-prices">
        <thead className="text-zinc-500">
          <tr>
            <th className="py-1 font-medium">Model</th>
            <th className="py-1 font-medium">Input / 1M tokens</th>
            <th className="py-1 font-medium">Output / 1M tokens</th>
            <th className="py-1 font-medium" />
          </tr>
        </thead>
        <tbody>
          {prices.map((price) => (
            <tr key={price.model} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-1.5 font-mono">
                {price.model} {price.model === currentModel && <Badge tone="info">in use</Badge>}
              </td>
              <td className="py-1.5 font-mono">{formatMicros(price.inputMicrosPerMillionTokens)}</td>
              <td className="py-1.5 font-mono">{formatMicros(price.outputMicrosPerMillionTokens)}</td>
              <td className="py-1.5 text-right">
                {price.source === "admin" ? (
                  <Button variant="ghost" className="text-xs" disabled={pending} onClick={() => run(() => save({ model: price.model, price: null }), () => `${price.model}: back to its default price, if any.`)}>
                    Forget this price
                  </Button>
                ) : (
                  <span className="text-xs text-zinc-500">default</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2 text-sm" noValidate>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Model</span>
          <input name="model" className="input w-56" defaultValue={prices.some((p) => p.model === currentModel) ? "" : currentModel} required />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Input $ / 1M</span>
          <input name="input" className="input w-24" inputMode="decimal" required />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Output $ / 1M</span>
          <input name="output" className="input w-24" inputMode="decimal" required />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          Set price
        </Button>
      </form>
      {errors.map((error) => (
        <p key={error} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ))}
      {!prices.some((p) => p.model === currentModel) && (
        <p className="text-sm text-amber-700 dark:text-amber-300">The model in use, {currentModel}, has no price: its calls are recorded with an unknown cost, and drafting stops for writers with a budget until it has one.</p>
      )}
    </div>
  );
}
