"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

import type { ChartsDto } from "@/lib/notes/dto";

import { axisProps, ChartFrame, ChartTooltip, chartStyle } from "./chart-parts";

const percent = (value: number) => `${Math.round(value)}%`;

/** Of the production notes written in each period that X has rated, the share rated helpful. */
export function HelpfulShareChart({ data }: { data: ChartsDto["helpful"] }) {
  const points = data.map((p) => ({ period: p.period, share: p.share === null ? null : p.share * 100, rated: p.rated }));
  const empty = data.every((p) => p.rated === 0) ? "No production note written in this range has been rated yet." : null;
  return (
    <ChartFrame title="Rated helpful" note="share of rated production notes now CRH, by the period they were written" empty={empty} testId="chart-helpful">
      <LineChart responsive style={chartStyle} data={points} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeOpacity={0.15} vertical={false} />
        <XAxis dataKey="period" {...axisProps} minTickGap={16} />
        <YAxis domain={[0, 100]} tickFormatter={percent} {...axisProps} />
        <Tooltip content={(props) => <ChartTooltip {...props} format={percent} />} />
        <Line dataKey="share" name="rated helpful" stroke="#10b981" strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
