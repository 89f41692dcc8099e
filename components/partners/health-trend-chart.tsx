"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { categoryAxisProps, gridProps } from "@/components/dashboard/chart-theme";

const shortDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/** Health over time from the daily snapshots, with the band thresholds drawn in. */
export function HealthTrendChart({ data }: { data: { takenOn: string; score: number }[] }) {
  const first = data[0];
  const last = data.at(-1);
  return (
    <figure className="grid gap-2">
      <LineChart
        responsive
        data={data}
        style={{ width: "100%", height: 200 }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="takenOn" tickFormatter={shortDate} minTickGap={24} {...categoryAxisProps} />
        <YAxis domain={[0, 100]} ticks={[0, 40, 60, 80, 100]} width={32} {...categoryAxisProps} />
        {[40, 60, 80].map((y) => (
          <ReferenceLine key={y} y={y} stroke="var(--border)" strokeDasharray="4 4" />
        ))}
        <Tooltip
          labelFormatter={(v) => shortDate(String(v))}
          formatter={(v) => [String(v), "Health"]}
          contentStyle={{
            background: "var(--popover)",
            color: "var(--popover-foreground)",
            border: "1px solid var(--border)",
            borderRadius: 8,
            fontSize: 12,
          }}
        />
        <Line
          type="monotone"
          dataKey="score"
          name="Health"
          stroke="var(--primary)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
      {first && last ? (
        <figcaption className="text-xs text-muted-foreground">
          Health went from {first.score} on {shortDate(first.takenOn)} to {last.score} on{" "}
          {shortDate(last.takenOn)} ({data.length} snapshots).
        </figcaption>
      ) : null}
    </figure>
  );
}
