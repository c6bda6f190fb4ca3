import { formatDuration } from "@/lib/insights/duration";
import type { SpeedDto, SpeedMeasureId } from "@/lib/insights/dto";

import { speedMeasures } from "./speed-measures";

const ids = Object.keys(speedMeasures) as SpeedMeasureId[];

/** The charts' figures as text: the whole period's, then every period's in a table that opens on demand. */
export function SpeedFigures({ speed }: { speed: SpeedDto }) {
  const periods = speed.measures.postAge.points.map((point) => point.period);
  const busy = periods.filter((period) => ids.some((id) => (speed.measures[id].points.find((p) => p.period === period)?.n ?? 0) > 0));
  return (
    <div className="flex flex-col gap-2 text-sm">
      <ul className="flex flex-col gap-1" data-testid="speed-figures">
        {ids.map((id) => {
          const { overall } = speed.measures[id];
          return (
            <li key={id}>
              <span className="font-medium">{speedMeasures[id].title}:</span>{" "}
              {overall.n === 0
                ? "nothing to measure in this period."
                : `median ${formatDuration(overall.median)}, 90th percentile ${formatDuration(overall.p90)}, over ${overall.n.toLocaleString("en")} ${speedMeasures[id].events}.`}
            </li>
          );
        })}
      </ul>
      {busy.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs text-zinc-500">Every {speed.unit} in figures</summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-xs tabular-nums">
              <thead className="text-zinc-500">
                <tr>
                  <th className="py-1 pr-3 font-medium">{speed.unit === "day" ? "Day" : "Week of"}</th>
                  {ids.map((id) => (
                    <th key={id} className="py-1 pr-3 text-right font-medium">
                      {speedMeasures[id].title} (n · median · p90)
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {busy.map((period) => (
                  <tr key={period} className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className="py-1 pr-3">{period}</td>
                    {ids.map((id) => {
                      const point = speed.measures[id].points.find((p) => p.period === period);
                      return (
                        <td key={id} className="py-1 pr-3 text-right">
                          {point && point.n > 0 ? `${point.n} · ${formatDuration(point.median)} · ${formatDuration(point.p90)}` : "—"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
