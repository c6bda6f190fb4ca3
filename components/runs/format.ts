import type { QueueName } from "@/lib/jobs/queues";
import type { RunKind } from "@/lib/runs/kinds";
import type { RunDto } from "@/lib/runs/queries";

export const runKindLabels: Record<RunKind, string> = { sync: "Pull", draft: "Drafting", shadow: "Shadow drafting", notes_refresh: "Notes refresh" };

/** A run's kind in words; a kind this version does not know (an older or newer one) as stored. */
export function runKindLabel(kind: string): string {
  return kind in runKindLabels ? runKindLabels[kind as RunKind] : kind;
}

export const queueLabels: Record<QueueName, string> = {
  "sync-posts": "Pull",
  "draft-posts": "Drafting",
  "shadow-drafts": "Shadow drafting",
  "revise-draft": "AI revision",
  "refresh-notes": "Notes refresh",
  "reconcile-submissions": "Submission check",
};

/** The counts each kind of run reports, in reading order, with their labels; anything else follows. */
const countLabels: Record<string, string> = {
  new: "new",
  updated: "updated",
  skipped: "unchanged",
  pages: "pages",
  triaged: "triaged",
  triagedOut: "triaged out",
  modelAsked: "asked the model",
  modelAnswered: "model answers",
  drafted: "drafted",
  abstained: "no note needed",
  failed: "failed",
  retried: "retries",
  gaveUp: "given up",
  waitingForBudget: "left for the budget",
  created: "new drafts",
  recovered: "recovered",
};

export function describeCounts(counts: RunDto["counts"]): { key: string; label: string; value: number }[] {
  const known = Object.keys(countLabels).filter((key) => key in counts);
  const other = Object.keys(counts).filter((key) => !(key in countLabels));
  return [...known, ...other].map((key) => {
    const value = counts[key] ?? 0;
    const label = key === "pages" && value === 1 ? "page" : (countLabels[key] ?? key);
    return { key, label, value };
  });
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** How long a run took, or has been going. */
export function runDuration(run: Pick<RunDto, "startedAt" | "finishedAt">, now: number): string | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return formatDuration(end - Date.parse(run.startedAt));
}
