"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

import type { ChartsDto } from "@/lib/notes/dto";

import { axisProps, bucketColors, ChartFrame, ChartTooltip, chartStyle } from "./chart-parts";

const buckets = ["high", "medium", "low", "unscored"] as const;

function binLabel(bin: number): string {
  if (bin <= -3) return "≤ −3";
  if (bin >= 3) return "≥ 3";
  return `${bin.toFixed(1)}`;
}

/** evaluate_note's ClaimOpinion score before sending, against the bucket X gave the note after. */
export function ScoreBucketChart({ data }: { data: ChartsDto["scores"] }) {
  const points = data.map((p) => ({ ...p, label: binLabel(p.bin) }));
  const empty =
    data.length === 0 ? "No evaluate_note scores stored for these notes yet: a score is kept when drafting or review calls evaluate_note before sending." : null;
  return (
    <ChartFrame title="ClaimOpinion score vs. bucket" note="evaluate_note score (bins of 0.5), coloured by the bucket that came back" empty={empty} testId="chart-scores">
      <BarChart responsive style={chartStyle} data={points} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
        <CartesianGrid strokeOpacity={0.15} vertical={false} />
        <XAxis dataKey="label" {...axisProps} />
        <YAxis allowDecimals={false} {...axisProps} />
        <Tooltip content={(props) => <ChartTooltip {...props} />} />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
        {buckets.map((bucket) => (
          <Bar key={bucket} dataKey={bucket} name={bucket === "unscored" ? "not scored yet" : bucket} stackId="b" fill={bucketColors[bucket]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
