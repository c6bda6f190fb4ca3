import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { blockedLine, gateIds, gateLabels, type GateChecklist as Checklist, type GateResult } from "@/lib/gates/dto";

import { LinkResults } from "./link-results";

const marks = {
  pass: { icon: "✓", words: "passes", tone: "text-emerald-700 dark:text-emerald-400" },
  fail: { icon: "✕", words: "fails", tone: "text-red-700 dark:text-red-400" },
  pending: { icon: "…", words: "being checked", tone: "text-zinc-500" },
};

const markOf = (gate: GateResult) => marks[gate.pass === "pending" ? "pending" : gate.pass ? "pass" : "fail"];

/** While the server checks: every gate listed, none passed. */
const pendingGates: GateResult[] = gateIds.map((id) => ({ id, label: gateLabels[id], pass: "pending", reason: "Checking…", overridable: false, override: null }));

/**
 * The submit checklist: every condition with its verdict and a plain reason, per-link statuses, and
 * what blocks the button, in words. Presentational: the caller fetches the checklist (gates.evaluate) and
 * passes `onOverride` only to admins.
 */
export function GateChecklist({ checklist, onOverride }: { checklist: Checklist | null; onOverride?: (gate: GateResult) => void }) {
  const gates = checklist?.gates ?? pendingGates;
  return (
    <section aria-label="Submission checks" className="flex flex-col gap-2" data-testid="gate-checklist" data-passed={checklist?.passed ?? "pending"}>
      {checklist && (
        <p className="text-sm">
          Sends in{" "}
          <Badge tone={checklist.mode === "production" ? "warn" : "info"}>
            <span data-testid="checklist-mode">{checklist.mode}</span>
          </Badge>{" "}
          mode.
        </p>
      )}
      <ul className="flex flex-col gap-1.5">
        {gates.map((gate) => {
          const mark = markOf(gate);
          return (
            <li key={gate.id} className="text-sm" data-testid={`gate-row-${gate.id}`} data-pass={String(gate.pass)}>
              <div className="flex items-start gap-2">
                <span aria-hidden className={`w-4 shrink-0 text-center font-bold ${mark.tone}`}>
                  {mark.icon}
                </span>
                <div className="min-w-0 flex-1">
                  <p>
                    <span className="font-medium">{gate.label}</span>
                    <span className="sr-only"> {mark.words}</span>
                    {gate.override && <Badge tone="warn">overridden</Badge>}
                  </p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-300">{gate.reason}</p>
                  {gate.links && gate.links.length > 0 && <LinkResults links={gate.links} />}
                </div>
                {onOverride && gate.pass === false && gate.overridable && (
                  <Button variant="ghost" className="shrink-0 text-xs" onClick={() => onOverride(gate)}>
                    Override…
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {checklist && (
        <p role="status" data-testid="gate-summary" className={`text-sm font-medium ${checklist.passed ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
          {checklist.passed ? "All checks pass." : `${blockedLine(checklist)}.`}
        </p>
      )}
    </section>
  );
}
