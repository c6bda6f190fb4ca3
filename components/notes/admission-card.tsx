import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ADMISSION_WINDOW, moveSentence, type AdmissionBar, type AdmissionProgress } from "@/lib/notes/admission";

import { formatPercent } from "./format";

/** Each bar of X's admission rule over the last 50 test-mode notes: where the writer stands and what would move it. */
export function AdmissionCard({ progress, writerInProduction }: { progress: AdmissionProgress; writerInProduction: boolean }) {
  const verdict = progress.meetsRule
    ? { tone: "good" as const, text: "meets the rule" }
    : progress.notes < ADMISSION_WINDOW
      ? { tone: "info" as const, text: `${progress.notes} of ${ADMISSION_WINDOW} notes` }
      : { tone: "warn" as const, text: "not yet" };
  return (
    <Card title="Admission progress" actions={<Badge tone={verdict.tone}>{verdict.text}</Badge>}>
      <p className="mb-3 text-xs text-zinc-500">
        Over the last {ADMISSION_WINDOW} test-mode notes (this writer has {progress.notes}). X admits writers who meet every bar,
        at random and by email; the API cannot say whether you are admitted.
        {writerInProduction && " This writer is already in production mode."}
      </p>
      <ul className="flex flex-col gap-4" data-testid="admission-bars">
        {progress.bars.map((bar) => (
          <AdmissionBarRow key={bar.id} bar={bar} />
        ))}
      </ul>
    </Card>
  );
}

function AdmissionBarRow({ bar }: { bar: AdmissionBar }) {
  const rule = `${bar.evaluator} ${bar.bucket} ${bar.comparison === "at_least" ? "≥" : "≤"} ${bar.percent}%`;
  const fill = bar.passes === null ? "bg-zinc-300 dark:bg-zinc-600" : bar.passes ? "bg-emerald-500" : "bg-red-500";
  return (
    <li data-testid="admission-bar" data-passes={String(bar.passes)}>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{rule}</span>
        <span className="tabular-nums">
          {formatPercent(bar.share)} <span className="text-xs text-zinc-500">({bar.matching} of {bar.counted} scored)</span>
        </span>
      </div>
      <div
        className="relative mt-1 h-2.5 rounded bg-zinc-100 dark:bg-zinc-800"
        role="meter"
        aria-label={rule}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={bar.share === null ? undefined : Math.round(bar.share * 100)}
      >
        <div className={`h-full rounded ${fill}`} style={{ width: `${(bar.share ?? 0) * 100}%` }} />
        <div className="absolute inset-y-[-3px] w-0.5 bg-zinc-900 dark:bg-zinc-100" style={{ left: `${bar.percent}%` }} title={`threshold ${bar.percent}%`} />
      </div>
      <p className="mt-1 text-xs text-zinc-500">
        {bar.passes === null ? "No scored notes yet. " : bar.passes ? "Passes. " : "Fails. "}
        {moveSentence(bar)}
      </p>
    </li>
  );
}
