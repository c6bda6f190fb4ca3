import Link from "next/link";

import { formatPercent } from "@/components/notes/format";
import type { FunnelStepDto } from "@/lib/insights/dto";
import { insightsHref, type InsightsQuery } from "@/lib/insights/query";

/** The funnel's figures: each step's count, its conversion from the step before and from eligible, and a link to why the rest stopped. */
export function FunnelTable({ steps, query }: { steps: FunnelStepDto[]; query: InsightsQuery }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="funnel-table">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Step</th>
            <th className="py-2 pr-3 text-right font-medium">Posts</th>
            <th className="py-2 pr-3 text-right font-medium">of the step before</th>
            <th className="py-2 pr-3 text-right font-medium">of eligible</th>
            <th className="py-2 text-right font-medium">Stopped here</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {steps.map((step) => {
            const open = query.step === step.id;
            return (
              <tr key={step.id} className={`border-t border-zinc-100 dark:border-zinc-800 ${open ? "bg-amber-50 dark:bg-amber-950/30" : ""}`} data-step={step.id}>
                <td className="py-2 pr-3">
                  <div className="font-medium">{step.label}</div>
                  <div className="text-xs text-zinc-500">{step.means}</div>
                </td>
                <td className="py-2 pr-3 text-right">{step.reached.toLocaleString("en")}</td>
                <td className="py-2 pr-3 text-right">{formatPercent(step.fromPrevious)}</td>
                <td className="py-2 pr-3 text-right">{formatPercent(step.fromEligible)}</td>
                <td className="py-2 text-right">
                  {step.dropped > 0 ? (
                    <Link
                      href={`${insightsHref(query, { step: open ? undefined : step.id })}#dropouts`}
                      scroll={false}
                      className="text-blue-700 underline decoration-blue-700/30 hover:decoration-blue-700 dark:text-blue-300"
                      title={step.droppedMeans}
                    >
                      {step.dropped.toLocaleString("en")} · {open ? "hide" : "why?"}
                    </Link>
                  ) : (
                    <span className="text-zinc-400">{step.id === "eligible" ? "" : "0"}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
