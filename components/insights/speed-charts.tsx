"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

import { axisProps, ChartFrame, ChartTooltip, chartStyle } from "@/components/notes/charts/chart-parts";
import { formatDuration } from "@/lib/insights/duration";
import type { SpeedDto, SpeedMeasureId } from "@/lib/insights/dto";

import { speedMeasures } from "./speed-measures";

/** Median and 90th percentile of each duration per period; periods without an event leave a gap. */
export function SpeedCharts({ speed }: { speed: SpeedDto }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {(Object.keys(speedMeasures) as SpeedMeasureId[]).map((id) => {
        const { title, note, none } = speedMeasures[id];
        const measure = speed.measures[id];
        return (
          <ChartFrame key={id} title={title} note={`${note}, per ${speed.unit}`} empty={measure.overall.n === 0 ? none : null} testId={`chart-speed-${id}`}>
            <LineChart responsive style={chartStyle} data={measure.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeOpacity={0.15} vertical={false} />
              <XAxis dataKey="period" {...axisProps} minTickGap={16} />
              <YAxis tickFormatter={(seconds: number) => formatDuration(seconds)} width={56} {...axisProps} />
              <Tooltip content={(props) => <ChartTooltip {...props} format={(seconds) => formatDuration(seconds)} />} />
              <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
              <Line dataKey="median" name="median" stroke="#0ea5e9" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
              <Line dataKey="p90" name="90th percentile" stroke="#f59e0b" strokeWidth={2} strokeDasharray="4 3" dot={{ r: 2 }} isAnimationActive={false} />
            </LineChart>
          </ChartFrame>
        );
      })}
    </div>
  );
}
