"use client";

import Link from "next/link";
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import { niceTicks } from "./widget";

export interface PartnerDot {
  id: string;
  name: string;
  healthScore: number;
  wonMinor: number;
  href: string;
}

/** A point that is also a link, so the matrix can be walked with the keyboard as well as clicked. */
function DotLink(props: { cx?: number; cy?: number; payload?: PartnerDot; currency: string }) {
  const { cx, cy, payload, currency } = props;
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    <Link
      href={payload.href}
      aria-label={`${payload.name}: health ${payload.healthScore}, ${formatMoney(payload.wonMinor, currency, { compact: true })} won this quarter`}
      className="group outline-none"
    >
      <circle cx={cx} cy={cy} r={12} fill="transparent" />
      <circle
        cx={cx}
        cy={cy}
        r={6}
        fill="var(--primary)"
        fillOpacity={payload.wonMinor > 0 ? 0.85 : 0.35}
        stroke="var(--background)"
        strokeWidth={1.5}
        className="group-hover:stroke-[var(--foreground)] group-focus-visible:stroke-[var(--ring)] group-focus-visible:[stroke-width:3]"
      />
    </Link>
  );
}

/** ISV partners: health score across, revenue won this quarter up. */
export function PartnerScatter({ data, currency }: { data: PartnerDot[]; currency: string }) {
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.wonMinor)));
  return (
    <ScatterChart
      responsive
      style={{ width: "100%", height: 260 }}
      margin={{ top: 8, right: 12, bottom: 8, left: 0 }}
    >
      <CartesianGrid stroke="var(--border)" />
      <XAxis
        type="number"
        dataKey="healthScore"
        name="Health"
        domain={[0, 100]}
        ticks={[0, 20, 40, 60, 80, 100]}
        tickLine={false}
        tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
        label={{
          value: "Health score",
          position: "insideBottom",
          offset: -4,
          fill: "var(--muted-foreground)",
          fontSize: 12,
        }}
      />
      <YAxis
        type="number"
        dataKey="wonMinor"
        name="Won"
        ticks={ticks}
        domain={[0, ticks.at(-1)!]}
        tickFormatter={(v: number) => formatMoney(v, currency, { compact: true })}
        tickLine={false}
        width={56}
        tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
      />
      <ZAxis range={[80, 80]} />
      <Tooltip
        cursor={{ stroke: "var(--border)" }}
        content={({ active, payload }) => {
          const dot = active ? (payload?.[0]?.payload as PartnerDot | undefined) : undefined;
          if (!dot) return null;
          return (
            <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-sm">
              <p className="font-medium">{dot.name}</p>
              <p className="text-muted-foreground">
                Health {dot.healthScore} · {formatMoney(dot.wonMinor, currency, { compact: true })} won
              </p>
            </div>
          );
        }}
      />
      <Scatter
        data={data}
        isAnimationActive={false}
        shape={(p: { cx?: number; cy?: number; payload?: PartnerDot }) => (
          <DotLink {...p} currency={currency} />
        )}
      />
    </ScatterChart>
  );
}
