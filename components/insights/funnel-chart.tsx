"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

import { axisProps, ChartFrame, ChartTooltip } from "@/components/notes/charts/chart-parts";

export type FunnelBar = { label: string; reached: number; dropped: number; href: string | null };

/**
 * The funnel as stacked bars, one per step: the posts that reached it, and beside them the ones that
 * reached the step before and stopped here. A bar opens that step's drop-outs; the table under the
 * chart is the same, as links, for the keyboard.
 */
export function FunnelChart({ bars }: { bars: FunnelBar[] }) {
  const router = useRouter();
  const open = (entry: { payload?: FunnelBar }) => {
    if (entry.payload?.href) router.push(entry.payload.href, { scroll: false });
  };
  return (
    <ChartFrame title="Posts at each step" note="posts first seen in the period, by the last step they reached; click a bar for the reasons" empty={null} testId="chart-funnel">
      <BarChart responsive style={{ width: "100%", height: 320 }} data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeOpacity={0.15} horizontal={false} />
        <XAxis type="number" allowDecimals={false} {...axisProps} />
        <YAxis type="category" dataKey="label" width={120} {...axisProps} />
        <Tooltip content={(props) => <ChartTooltip {...props} />} />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="reached" name="reached this step" stackId="f" fill="#0ea5e9" cursor="pointer" onClick={open} isAnimationActive={false} />
        <Bar dataKey="dropped" name="stopped here" stackId="f" fill="#f59e0b" fillOpacity={0.55} cursor="pointer" onClick={open} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
