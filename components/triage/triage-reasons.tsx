import type { TriageDto } from "@/lib/triage/types";

const signed = (weight: number) => (weight > 0 ? `+${weight.toFixed(1)}` : weight.toFixed(1));

/**
 * Why a post was triaged as it was: every signal with its pull (positive towards checkable), the
 * reviewer's overturn if there is one, and what judged it. Presentational: the overturn control is
 * the queue's, which calls overturnTriageAction.
 */
export function TriageReasons({ triage }: { triage: Pick<TriageDto, "verdict" | "machineVerdict" | "reasons" | "rulesNow" | "assessedBy" | "model" | "overturn"> }) {
  return (
    <section aria-label="Triage" className="space-y-2 text-sm">
      {triage.overturn && (
        <p className="rounded bg-amber-50 px-2 py-1 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {triage.overturn.by?.name ?? "A former user"} overturned the machine&apos;s “{triage.machineVerdict}” to “{triage.verdict}”:{" "}
          {triage.overturn.reason}
        </p>
      )}
      {triage.reasons.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">No signal of a checkable claim.</p>
      ) : (
        <ul className="space-y-1">
          {triage.reasons.map((reason) => (
            <li key={`${reason.signal}:${reason.label}`} className="flex items-baseline gap-2">
              <span
                className={`w-10 shrink-0 text-right font-mono text-xs ${
                  reason.blocking ? "text-red-700 dark:text-red-300" : reason.weight >= 0 ? "text-emerald-700 dark:text-emerald-300" : "text-zinc-500"
                }`}
              >
                {reason.blocking ? "block" : signed(reason.weight)}
              </span>
              <span>{reason.label}</span>
            </li>
          ))}
        </ul>
      )}
      {triage.rulesNow && (
        <p className="text-xs text-amber-800 dark:text-amber-200">
          The rules changed since this post was triaged: these are their reasons now, for {Math.round(triage.rulesNow.checkability * 100)}% ({triage.rulesNow.verdict}).
        </p>
      )}
      <p className="text-xs text-zinc-500">{triage.assessedBy === "llm" ? `Heuristics and ${triage.model ?? "a model"}` : "Heuristics only"}</p>
    </section>
  );
}
