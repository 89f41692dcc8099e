"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import { niceTicks } from "./widget";

export interface QuarterBar {
  label: string;
  wonMinor: number;
  targetMinor: number;
}

/** Won revenue beside the target for each recent quarter. */
export function QuarterTrendChart({ data, currency }: { data: QuarterBar[]; currency: string }) {
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  const ticks = niceTicks(Math.max(0, ...data.flatMap((d) => [d.wonMinor, d.targetMinor])));
  return (
    <BarChart
      responsive
      data={data}
      style={{ width: "100%", height: 240 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke="var(--border)" />
      <XAxis
        dataKey="label"
        tickLine={false}
        axisLine={false}
        tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
      />
      <YAxis
        ticks={ticks}
        domain={[0, ticks.at(-1)!]}
        tickFormatter={money}
        tickLine={false}
        axisLine={false}
        width={56}
        tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
      />
      <Tooltip
        cursor={{ fill: "var(--muted)", opacity: 0.6 }}
        formatter={(value) => money(Number(value))}
        contentStyle={{
          background: "var(--popover)",
          color: "var(--popover-foreground)",
          border: "1px solid var(--border)",
          borderRadius: 8,
          fontSize: 12,
        }}
      />
      <Legend
        itemSorter={null}
        iconType="circle"
        iconSize={8}
        wrapperStyle={{ fontSize: 12, color: "var(--muted-foreground)" }}
      />
      <Bar
        dataKey="wonMinor"
        name="Won"
        fill="var(--primary)"
        radius={[4, 4, 0, 0]}
        isAnimationActive={false}
      />
      <Bar
        dataKey="targetMinor"
        name="Target"
        fill="var(--muted-foreground)"
        fillOpacity={0.35}
        radius={[4, 4, 0, 0]}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
