"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-result";
import type { ClaimOpinionThreshold } from "@/lib/controls/thresholds";

import { useControlAction } from "./use-control-action";

type Save = (input: { writerId: string; minScore: number | null }) => Promise<ActionResult<ClaimOpinionThreshold>>;

/** The evaluate_note score this writer's notes need; empty follows the default. */
export function WriterThresholdForm({ writerId, threshold, save }: { writerId: string; threshold: ClaimOpinionThreshold; save: Save }) {
  const { pending, run } = useControlAction();
  const [value, setValue] = useState(threshold.source === "writer" ? String(threshold.minScore) : "");
  const [error, setError] = useState<string | null>(null);
  const id = `threshold-${writerId}`;

  async function submit() {
    const minScore = value.trim() === "" ? null : Number(value);
    const result = await run(() => save({ writerId, minScore }), (t) => `evaluate_note threshold: ${t.minScore}${t.source === "default" ? " (the default)" : ""}.`);
    setError(result.ok ? null : (result.fieldErrors?.minScore?.[0] ?? null));
  }

  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        Minimum evaluate_note score
      </label>
      <div className="flex items-center gap-2">
        <input id={id} className="input w-28" inputMode="decimal" value={value} placeholder={`${threshold.minScore} (default)`} onChange={(e) => setValue(e.target.value)} aria-invalid={error !== null} />
        <Button variant="secondary" disabled={pending} onClick={submit}>
          Save
        </Button>
      </div>
      {error && <p className="text-xs text-red-700 dark:text-red-400">{error}</p>}
      <p className="text-xs text-zinc-500">Empty: the default (CLAIM_OPINION_MIN_SCORE). A negative score reads as opinion to X.</p>
    </div>
  );
}
