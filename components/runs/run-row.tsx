import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RunDto } from "@/lib/runs/queries";

import { describeCounts, formatTime, runDuration, runKindLabel } from "./format";
import { ProgressBar } from "./progress-bar";

const stateTones: Record<RunDto["state"], BadgeTone> = {
  queued: "neutral",
  running: "info",
  succeeded: "good",
  failed: "bad",
  cancelled: "warn",
};

export function RunRow({ run, now }: { run: RunDto; now: number }) {
  const active = run.state === "running";
  const duration = runDuration(run, now);
  return (
    <li className="flex flex-col gap-2 py-3" data-testid="run-row" data-run-state={run.state}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{runKindLabel(run.kind)}</span>
        <Badge tone={stateTones[run.state]}>{run.state}</Badge>
        {run.writerName && <span className="text-zinc-600 dark:text-zinc-400">{run.writerName}</span>}
        {run.variants.length > 0 && (
          <span className="text-zinc-600 dark:text-zinc-400" data-testid="run-variants">
            as {run.variants.join(", ")}
          </span>
        )}
        {run.testMode !== null && <Badge tone={run.testMode ? "info" : "warn"}>{run.testMode ? "test" : "live"}</Badge>}
        <span className="ml-auto text-xs text-zinc-500" suppressHydrationWarning>
          {run.startedAt ? formatTime(run.startedAt) : formatTime(run.createdAt)}
          {duration && ` · ${duration}`} · {run.triggeredBy ? `by ${run.triggeredBy}` : "scheduled"}
        </span>
      </div>
      <ProgressBar progress={run.progress} total={run.total} active={active} />
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {run.total !== null && (
          <span>
            {run.progress} / {run.total}
          </span>
        )}
        {describeCounts(run.counts).map((count) => (
          <span key={count.key}>
            <span className="font-medium tabular-nums text-zinc-900 dark:text-zinc-100">{count.value}</span> {count.label}
          </span>
        ))}
      </div>
      {run.errors.length > 0 && (
        <details className="text-xs">
          <summary className="cursor-pointer text-red-700 dark:text-red-400">
            {run.errors.length} {run.errors.length === 1 ? "error" : "errors"}
          </summary>
          <ul className="mt-1 flex flex-col gap-1 rounded-md bg-red-50 p-2 font-mono dark:bg-red-950">
            {run.errors.map((error, index) => (
              <li key={index} className="break-words">
                <span className="text-zinc-500" suppressHydrationWarning>{formatTime(error.at)}</span> {error.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
