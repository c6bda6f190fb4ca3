import { originLabels } from "@/lib/notes/labels";
import type { OutcomeRowDto } from "@/lib/notes/reviewer-metrics";

import { formatPercent } from "./format";

const share = (part: number, whole: number) => formatPercent(whole === 0 ? null : part / whole);

/** How notes fared by whether a person changed the AI's draft: the evidence for (or against) editing. */
export function OutcomeTable({ outcomes }: { outcomes: OutcomeRowDto[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="outcome-table">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Draft</th>
            <th className="py-2 pr-3 text-right font-medium">Notes</th>
            <th className="py-2 pr-3 text-right font-medium">ClaimOpinion high</th>
            <th className="py-2 pr-3 text-right font-medium">ClaimOpinion low</th>
            <th className="py-2 pr-3 text-right font-medium">UrlValidity high</th>
            <th className="py-2 pr-3 text-right font-medium">HarassmentAbuse high</th>
            <th className="py-2 pr-3 text-right font-medium" title="production notes with a status other than needs more ratings">Rated</th>
            <th className="py-2 pr-3 text-right font-medium">Helpful</th>
            <th className="py-2 text-right font-medium">Not helpful</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {outcomes.map((o) => {
            const scored = o.claimOpinion.high + o.claimOpinion.medium + o.claimOpinion.low;
            return (
              <tr key={o.origin} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-2 pr-3">{originLabels[o.origin]}</td>
                <td className="py-2 pr-3 text-right">{o.notes}</td>
                <td className="py-2 pr-3 text-right">{share(o.claimOpinion.high, scored)}</td>
                <td className="py-2 pr-3 text-right">{share(o.claimOpinion.low, scored)}</td>
                <td className="py-2 pr-3 text-right">{share(o.urlValidity.high, o.urlValidity.scored)}</td>
                <td className="py-2 pr-3 text-right">{share(o.harassmentAbuse.high, o.harassmentAbuse.scored)}</td>
                <td className="py-2 pr-3 text-right">
                  {o.rated} <span className="text-xs text-zinc-500">of {o.production}</span>
                </td>
                <td className="py-2 pr-3 text-right">{share(o.helpful, o.rated)}</td>
                <td className="py-2 text-right">{share(o.notHelpful, o.rated)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
