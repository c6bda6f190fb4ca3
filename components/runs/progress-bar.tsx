/** A determinate bar when the total is known; a pulsing one while a run of unknown size is going. */
export function ProgressBar({ progress, total, active }: { progress: number; total: number | null; active: boolean }) {
  const percent = total ? Math.min(100, Math.round((progress / total) * 100)) : active ? 100 : progress > 0 ? 100 : 0;
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={total ?? undefined}
      aria-valuenow={total ? progress : undefined}
      aria-valuetext={total ? `${progress} of ${total}` : `${progress} done`}
      className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-500 ${active ? "bg-sky-500" : "bg-zinc-400 dark:bg-zinc-600"} ${active && !total ? "animate-pulse" : ""}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
