"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import {
  categoryAxisProps,
  gridProps,
  legendProps,
  moneyAxisProps,
  tooltipProps,
} from "@/components/dashboard/chart-theme";
import { niceTicks } from "@/components/dashboard/widget";
import { formatMoney } from "@/lib/money";

export interface ForecastBar {
  label: string;
  receivableMinor: number;
  payableMinor: number;
}

/** Weighted commission per month in the reporting currency, receivable beside payable. */
export function ForecastChart({
  data,
  currency,
  show,
}: {
  data: ForecastBar[];
  currency: string;
  show: { receivable: boolean; payable: boolean };
}) {
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  const ticks = niceTicks(
    Math.max(
      0,
      ...data.flatMap((d) => [show.receivable ? d.receivableMinor : 0, show.payable ? d.payableMinor : 0]),
    ),
  );
  return (
    <BarChart
      responsive
      data={data}
      style={{ width: "100%", height: 260 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid {...gridProps} />
      <XAxis dataKey="label" {...categoryAxisProps} interval="preserveStartEnd" />
      <YAxis {...moneyAxisProps(ticks, money)} />
      <Tooltip {...tooltipProps(money)} />
      <Legend {...legendProps} />
      {show.receivable ? (
        <Bar
          dataKey="receivableMinor"
          name="Receivable (weighted)"
          fill="var(--primary)"
          radius={[4, 4, 0, 0]}
          isAnimationActive={false}
        />
      ) : null}
      {show.payable ? (
        <Bar
          dataKey="payableMinor"
          name="Payable (weighted)"
          fill="var(--muted-foreground)"
          fillOpacity={0.45}
          radius={[4, 4, 0, 0]}
          isAnimationActive={false}
        />
      ) : null}
    </BarChart>
  );
}
