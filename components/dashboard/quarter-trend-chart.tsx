"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import { categoryAxisProps, gridProps, legendProps, moneyAxisProps, tooltipProps } from "./chart-theme";
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
      <CartesianGrid {...gridProps} />
      <XAxis dataKey="label" {...categoryAxisProps} />
      <YAxis {...moneyAxisProps(ticks, money)} />
      <Tooltip {...tooltipProps(money)} />
      <Legend {...legendProps} />
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
