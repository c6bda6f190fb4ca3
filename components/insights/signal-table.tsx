import type { SignalRowDto } from "@/lib/insights/signals";
import { signalLabels } from "@/lib/insights/signals";

import { comparisonText, rateText } from "./rate-text";

/**
 * Per signal, the notes (or ratings) it said yes and no to, and how each half fared: ClaimOpinion
 * high among those scored, helpful among the rated production notes. Shares with their 95% interval,
 * and a verdict only where the intervals allow one.
 */
export function SignalTable({ rows }: { rows: SignalRowDto[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="signal-table">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Signal</th>
            <th className="py-2 pr-3 font-medium">Said</th>
            <th className="py-2 pr-3 text-right font-medium">Count</th>
            <th className="py-2 pr-3 text-right font-medium">ClaimOpinion high</th>
            <th className="py-2 text-right font-medium">Rated helpful</th>
          </tr>
        </thead>
        {rows.map((row) => {
          const labels = signalLabels[row.signal];
          return (
            <tbody key={row.signal} className="border-t border-zinc-200 tabular-nums dark:border-zinc-700" data-signal={row.signal}>
              {([true, false] as const).map((said) => {
                const side = said ? row.yes : row.no;
                return (
                  <tr key={String(said)}>
                    {said && (
                      <th rowSpan={3} scope="rowgroup" className="py-1.5 pr-3 align-top font-normal">
                        {labels.label}
                      </th>
                    )}
                    <td className="py-1.5 pr-3">{said ? labels.yes : labels.no}</td>
                    <td className="py-1.5 pr-3 text-right">
                      {side.count} <span className="text-xs text-zinc-500">{labels.unit}</span>
                    </td>
                    <td className="py-1.5 pr-3 text-right">{rateText(side.evaluatorHigh)}</td>
                    <td className="py-1.5 text-right">{rateText(side.helpful)}</td>
                  </tr>
                );
              })}
              <tr className="text-xs text-zinc-500">
                <td className="pb-2 pr-3" colSpan={2}>
                  so
                </td>
                <td className="pb-2 pr-3 text-right">{comparisonText[row.evaluatorHigh]}</td>
                <td className="pb-2 text-right">{comparisonText[row.helpful]}</td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
