"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-result";
import type { LlmBudgetStatus, SpendWindow } from "@/lib/costs/budgets";
import { MICROS_PER_DOLLAR } from "@/lib/costs/money";

import { useControlAction } from "./use-control-action";

type Save = (input: { writerId: string; dailyDollars: number | null; monthlyDollars: number | null }) => Promise<ActionResult<LlmBudgetStatus>>;

const ownDollars = (window: SpendWindow) => (window.capSource === "writer" && window.capMicros !== null ? String(window.capMicros / MICROS_PER_DOLLAR) : "");
const dollarsOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/** Daily and monthly LLM caps in dollars; empty follows the default. */
export function WriterBudgetForm({ budget, save }: { budget: LlmBudgetStatus; save: Save }) {
  const { pending, run } = useControlAction();
  const [daily, setDaily] = useState(ownDollars(budget.today));
  const [monthly, setMonthly] = useState(ownDollars(budget.month));
  const [errors, setErrors] = useState<string[]>([]);

  async function submit() {
    const result = await run(
      () => save({ writerId: budget.writerId, dailyDollars: dollarsOrNull(daily), monthlyDollars: dollarsOrNull(monthly) }),
      () => `LLM budget saved for ${budget.writerName}.`,
    );
    setErrors(result.ok ? [] : Object.values(result.fieldErrors ?? {}).flat());
  }

  const input = (label: string, value: string, set: (v: string) => void, window: SpendWindow) => (
    <label className="flex flex-col gap-1">
      <span className="font-medium">{label} ($)</span>
      <input
        className="input w-28"
        inputMode="decimal"
        value={value}
        placeholder={window.capSource === "default" && window.capMicros !== null ? `${window.capMicros / MICROS_PER_DOLLAR} (default)` : "no cap"}
        onChange={(e) => set(e.target.value)}
      />
    </label>
  );

  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex items-end gap-2">
        {input("Daily", daily, setDaily, budget.today)}
        {input("Monthly", monthly, setMonthly, budget.month)}
        <Button variant="secondary" disabled={pending} onClick={submit}>
          Save
        </Button>
      </div>
      {errors.map((error) => (
        <p key={error} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ))}
      <p className="text-xs text-zinc-500">UTC day and month. Empty: the default (LLM_DAILY_BUDGET_USD / LLM_MONTHLY_BUDGET_USD), or no cap.</p>
    </div>
  );
}
