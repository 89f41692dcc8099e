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
import { BUCKET_LABELS, type MonthBar } from "@/lib/partner-home/earnings";

/** Payable commission per month (by due date, the coming months included) in one currency, stacked by status. */
export function EarningsChart({ data, currency }: { data: MonthBar[]; currency: string }) {
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.forecast + d.pending + d.approved + d.paid)));
  return (
    <BarChart
      responsive
      data={data}
      style={{ width: "100%", height: 240 }}
      accessibilityLayer
      aria-label={`Earnings by month in ${currency}`}
    >
      <CartesianGrid {...gridProps} />
      <XAxis dataKey="month" {...categoryAxisProps} />
      <YAxis {...moneyAxisProps(ticks, money)} />
      <Tooltip {...tooltipProps(money)} />
      <Legend {...legendProps} />
      <Bar dataKey="paid" name={BUCKET_LABELS.paid} stackId="a" fill="var(--success)" />
      <Bar dataKey="approved" name={BUCKET_LABELS.approved} stackId="a" fill="var(--primary)" />
      <Bar dataKey="pending" name={BUCKET_LABELS.pending} stackId="a" fill="var(--warning)" />
      <Bar dataKey="forecast" name={BUCKET_LABELS.forecast} stackId="a" fill="var(--muted-foreground)" fillOpacity={0.35} radius={[4, 4, 0, 0]} />
    </BarChart>
  );
}
