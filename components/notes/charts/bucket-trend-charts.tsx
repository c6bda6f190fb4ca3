"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

import type { ChartsDto } from "@/lib/notes/dto";

import { axisProps, bucketColors, ChartFrame, ChartTooltip, chartStyle } from "./chart-parts";

const evaluators = ["ClaimOpinion", "UrlValidity", "HarassmentAbuse"] as const;
const buckets = ["high", "medium", "low", "unscored"] as const;

/** Per evaluator, the buckets of the notes written in each period, stacked. */
export function BucketTrendCharts({ data }: { data: ChartsDto["buckets"] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {evaluators.map((evaluator) => {
        const points = data[evaluator];
        const empty = points.every((p) => buckets.every((b) => p[b] === 0)) ? `No ${evaluator} results for notes written in this range.` : null;
        return (
          <ChartFrame key={evaluator} title={`${evaluator} buckets`} note="notes by the period they were written" empty={empty} testId={`chart-buckets-${evaluator}`}>
            <BarChart responsive style={chartStyle} data={points} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
              <CartesianGrid strokeOpacity={0.15} vertical={false} />
              <XAxis dataKey="period" {...axisProps} minTickGap={16} />
              <YAxis allowDecimals={false} {...axisProps} />
              <Tooltip content={(props) => <ChartTooltip {...props} />} />
              <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
              {buckets.map((bucket) => (
                <Bar key={bucket} dataKey={bucket} name={bucket === "unscored" ? "not scored yet" : bucket} stackId="b" fill={bucketColors[bucket]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ChartFrame>
        );
      })}
    </div>
  );
}
