"use client";

import type { ReactNode } from "react";

/**
 * What every notes chart shares: a captioned frame with a text fallback, colours that read on light
 * and dark backgrounds, axes drawn in the text colour, and a tooltip styled like the rest of the app.
 */

export const bucketColors = { high: "#10b981", medium: "#f59e0b", low: "#ef4444", unscored: "#a1a1aa" } as const;

const statusColors: Record<string, string> = {
  currently_rated_helpful: "#10b981",
  currently_rated_not_helpful: "#ef4444",
  needs_more_ratings: "#38bdf8",
  firm_reject: "#9f1239",
  insufficient_consensus: "#f59e0b",
  minimum_ratings_not_met: "#a16207",
  needs_your_help: "#8b5cf6",
  none: "#a1a1aa",
};
const spareColors = ["#14b8a6", "#ec4899", "#6366f1", "#84cc16"];

/** Statuses X adds later still get a colour of their own. */
export function statusColor(status: string, index: number): string {
  return statusColors[status] ?? spareColors[index % spareColors.length] ?? "#71717a";
}

export const axisProps = {
  stroke: "currentColor",
  tick: { fill: "currentColor", fontSize: 11 },
  tickLine: false,
} as const;

export const chartStyle = { width: "100%", height: 220 } as const;

export function ChartFrame({ title, note, empty, testId, children }: { title: string; note?: string; empty: string | null; testId: string; children: ReactNode }) {
  return (
    <figure className="flex min-w-0 flex-col gap-1" data-testid={testId}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      {note && <p className="text-xs text-zinc-500">{note}</p>}
      {empty ? (
        <p className="flex h-[220px] items-center justify-center rounded border border-dashed border-zinc-300 px-4 text-center text-sm text-zinc-500 dark:border-zinc-700">
          {empty}
        </p>
      ) : (
        <div className="text-zinc-500">{children}</div>
      )}
    </figure>
  );
}

/** recharts' tooltip content in the app's card style (its default stays white in dark mode). */
type TooltipEntry = { dataKey?: unknown; name?: unknown; value?: unknown; color?: string };

export function ChartTooltip({ active, payload, label, format = String }: { active?: boolean; payload?: readonly TooltipEntry[]; label?: unknown; format?: (value: number) => string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-2 py-1.5 text-xs text-zinc-900 shadow-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <div className="mb-1 font-medium">{String(label)}</div>
      {payload.map((entry) => (
        <div key={String(entry.dataKey)} className="flex items-center gap-1.5">
          <span className="inline-block h-2 w-2 rounded-sm" style={{ background: entry.color }} />
          {String(entry.name)}: {format(Number(entry.value))}
        </div>
      ))}
    </div>
  );
}
