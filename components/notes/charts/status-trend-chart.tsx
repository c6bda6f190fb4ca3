"use client";

import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

import type { ChartsDto } from "@/lib/notes/dto";
import { statusLabel } from "@/lib/notes/labels";

import { axisProps, ChartFrame, ChartTooltip, chartStyle, statusColor } from "./chart-parts";

/** Production notes in each status at the end of each period, from the snapshot history. */
export function StatusTrendChart({ data }: { data: ChartsDto["statuses"] }) {
  const empty = data.series.length === 0 ? "No production notes yet: statuses come from X's raters, and test notes are not rated." : null;
  return (
    <ChartFrame title="Statuses over time" note="production notes in each status at the end of each period" empty={empty} testId="chart-statuses">
      <AreaChart responsive style={chartStyle} data={data.points} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
        <CartesianGrid strokeOpacity={0.15} vertical={false} />
        <XAxis dataKey="period" {...axisProps} minTickGap={16} />
        <YAxis allowDecimals={false} {...axisProps} />
        <Tooltip content={(props) => <ChartTooltip {...props} />} />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
        {data.series.map((status, index) => (
          <Area
            key={status}
            type="stepAfter"
            dataKey={status}
            name={status === "none" ? "no status" : statusLabel(status).short}
            stackId="s"
            stroke={statusColor(status, index)}
            fill={statusColor(status, index)}
            fillOpacity={0.6}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ChartFrame>
  );
}
