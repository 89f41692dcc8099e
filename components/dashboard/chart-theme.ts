/** Shared recharts styling so every dashboard chart follows the theme (light and dark) the same way. */
const tick = { fill: "var(--muted-foreground)", fontSize: 12 };

export const gridProps = { vertical: false, stroke: "var(--border)" } as const;

export const categoryAxisProps = { tickLine: false, axisLine: false, tick } as const;

export function moneyAxisProps(ticks: number[], money: (v: number) => string) {
  return { ticks, domain: [0, ticks.at(-1)!], tickFormatter: money, tickLine: false, axisLine: false, width: 56, tick } as const;
}

export function tooltipProps(money: (v: number) => string) {
  return {
    cursor: { fill: "var(--muted)", opacity: 0.6 },
    formatter: (value: unknown) => money(Number(value)),
    contentStyle: {
      background: "var(--popover)",
      color: "var(--popover-foreground)",
      border: "1px solid var(--border)",
      borderRadius: 8,
      fontSize: 12,
    },
  } as const;
}

export const legendProps = {
  itemSorter: null,
  iconType: "circle",
  iconSize: 8,
  wrapperStyle: { fontSize: 12, color: "var(--muted-foreground)" },
} as const;
