import { formatMoney } from "@/lib/money";

export const money = (minor: number, currency: string) => formatMoney(minor, currency);

export const percent = (ratio: number) => `${(ratio * 100).toFixed(Math.abs(ratio) < 0.1 ? 1 : 0)}%`;

/** "2026-12-04" → "December 4, 2026"; anything else is returned as it is. */
export function formatSourceDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);
}

const cell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function markdownTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const lines = [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  if (body.length === 0) lines.push(`| ${["No data yet", ...header.slice(1).map(() => "")].join(" | ")} |`);
  for (const row of body) lines.push(`| ${row.map(cell).join(" | ")} |`);
  return lines.join("\n");
}

export interface ChartData {
  title: string;
  format: "currency" | "number" | "percent";
  currency?: string;
  points: { label: string; value: number }[];
}

export function chartBlock(spec: ChartData): string {
  return ["```chart", JSON.stringify(spec), "```"].join("\n");
}
