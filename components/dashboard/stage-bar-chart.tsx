"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import { categoryAxisProps, gridProps, legendProps, moneyAxisProps, tooltipProps } from "./chart-theme";
import { niceTicks } from "./widget";

export interface StageBar {
  name: string;
  totalMinor: number;
  weightedMinor: number;
  href: string;
}

/** Open value and weighted value per stage; a bar click opens that stage in the pipeline list. */
export function StageBarChart({ data, currency }: { data: StageBar[]; currency: string }) {
  const router = useRouter();
  const open = (item: { payload?: StageBar }) => {
    if (item.payload?.href) router.push(item.payload.href);
  };
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.totalMinor)));
  return (
    <BarChart
      responsive
      data={data}
      style={{ width: "100%", height: 220 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid {...gridProps} />
      <XAxis dataKey="name" {...categoryAxisProps} />
      <YAxis {...moneyAxisProps(ticks, money)} />
      <Tooltip {...tooltipProps(money)} />
      <Legend {...legendProps} />
      <Bar
        dataKey="totalMinor"
        name="Open value"
        fill="var(--muted-foreground)"
        fillOpacity={0.35}
        radius={[4, 4, 0, 0]}
        isAnimationActive={false}
        cursor="pointer"
        onClick={open}
      />
      <Bar
        dataKey="weightedMinor"
        name="Weighted"
        fill="var(--primary)"
        radius={[4, 4, 0, 0]}
        isAnimationActive={false}
        cursor="pointer"
        onClick={open}
      />
    </BarChart>
  );
}
