"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Tooltip, XAxis, YAxis } from "recharts";

import { axisProps, ChartFrame, ChartTooltip, chartStyle } from "@/components/notes/charts/chart-parts";

/** One signal's ClaimOpinion-high share on each side, in percent, with its 95% interval as [below, above]. */
export type SignalBar = { label: string; yes: number | null; yesError: [number, number] | null; no: number | null; noError: [number, number] | null };

const percent = (value: number) => `${Math.round(value)}%`;

/**
 * The ClaimOpinion-high share when a signal said yes against when it said no, with error bars. A side
 * with fewer notes than the minimum has no bar at all rather than a misleading one.
 */
export function SignalChart({ bars, minN }: { bars: SignalBar[]; minN: number }) {
  const shown = bars.filter((bar) => bar.yes !== null || bar.no !== null);
  const empty = shown.length === 0 ? `Not enough notes yet: a share is drawn once a side has ${minN} notes (or ratings) with a ClaimOpinion result.` : null;
  return (
    <ChartFrame title="ClaimOpinion high, by what each signal said" note={`share of notes scored high, with 95% intervals; sides under ${minN} are left out`} empty={empty} testId="chart-signals">
      <BarChart responsive style={chartStyle} data={shown} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeOpacity={0.15} vertical={false} />
        <XAxis dataKey="label" {...axisProps} interval={0} tick={{ fill: "currentColor", fontSize: 10 }} />
        <YAxis domain={[0, 100]} tickFormatter={percent} {...axisProps} />
        <Tooltip content={(props) => <ChartTooltip {...props} format={percent} />} />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="yes" name="said yes" fill="#10b981" isAnimationActive={false}>
          <ErrorBar dataKey="yesError" width={4} stroke="currentColor" />
        </Bar>
        <Bar dataKey="no" name="said no" fill="#a1a1aa" isAnimationActive={false}>
          <ErrorBar dataKey="noError" width={4} stroke="currentColor" />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
