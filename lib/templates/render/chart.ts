import type { ChartSpec } from "./document";

export interface ChartBar {
  label: string;
  value: number;
  display: string;
  /** Bar extent on the value axis as fractions of the plot (0..1), start <= end. */
  start: number;
  end: number;
}

export interface ChartLayout {
  bars: ChartBar[];
  /** Where zero sits on the value axis (0..1); above 0 only when some values are negative. */
  zero: number;
}

const COMPACT_FROM = 10_000;

/** Chart value labels: compact above ten thousand so they fit beside a bar ("$184K", "1.2M"). */
export function formatChartValue(spec: Pick<ChartSpec, "format" | "currency">, value: number): string {
  const compact = Math.abs(value) >= COMPACT_FROM;
  const digits = compact ? 1 : Number.isInteger(value) ? 0 : 2;
  const base: Intl.NumberFormatOptions = {
    notation: compact ? "compact" : "standard",
    maximumFractionDigits: digits,
  };
  if (spec.format === "percent") {
    return `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(value)}%`;
  }
  if (spec.format === "currency") {
    const currency = (spec.currency ?? "USD").toUpperCase();
    try {
      return new Intl.NumberFormat("en-US", { ...base, style: "currency", currency }).format(value);
    } catch {
      // An unknown ISO code makes Intl throw; show the number with the code rather than fail the export.
      return `${new Intl.NumberFormat("en-US", base).format(value)} ${currency}`;
    }
  }
  return new Intl.NumberFormat("en-US", base).format(value);
}

/** Shared by the SVG and the PDF so both draw the same bars from the same scale. */
export function chartLayout(spec: ChartSpec): ChartLayout {
  const values = spec.points.map((p) => p.value);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  // All-zero data still needs a non-empty domain so bars sit at the baseline instead of dividing by zero.
  const span = max - min || 1;
  const zero = (0 - min) / span;
  const bars = spec.points.map((p) => {
    const at = (p.value - min) / span;
    return {
      label: p.label,
      value: p.value,
      display: formatChartValue(spec, p.value),
      start: Math.min(zero, at),
      end: Math.max(zero, at),
    };
  });
  return { bars, zero };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const WIDTH = 640;
const FONT = 'class="chart-label" font-family="system-ui, sans-serif" font-size="12"';

function horizontalBars(layout: ChartLayout, color: string, top: number): { body: string; height: number } {
  const rowHeight = 28;
  const labelWidth = 170;
  const plotWidth = WIDTH - labelWidth - 90;
  const parts = layout.bars.map((bar, i) => {
    const y = top + i * rowHeight;
    const x = labelWidth + bar.start * plotWidth;
    const width = Math.max((bar.end - bar.start) * plotWidth, bar.value === 0 ? 0 : 1);
    const negative = bar.value < 0;
    const valueX = negative ? x - 6 : x + width + 6;
    return [
      `<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end" ${FONT}>${escapeXml(truncate(bar.label, 26))}</text>`,
      `<rect x="${x.toFixed(1)}" y="${y + 6}" width="${width.toFixed(1)}" height="18" fill="${color}" rx="2"/>`,
      `<text x="${valueX.toFixed(1)}" y="${y + 19}" text-anchor="${negative ? "end" : "start"}" ${FONT}>${escapeXml(bar.display)}</text>`,
    ].join("");
  });
  const zeroX = (labelWidth + layout.zero * plotWidth).toFixed(1);
  const bottom = top + layout.bars.length * rowHeight;
  parts.push(`<line x1="${zeroX}" y1="${top}" x2="${zeroX}" y2="${bottom + 4}" stroke="#6b7280"/>`);
  return { body: parts.join(""), height: bottom + 12 };
}

function verticalBars(layout: ChartLayout, color: string, top: number): { body: string; height: number } {
  const plotHeight = 200;
  const slot = (WIDTH - 40) / layout.bars.length;
  const barWidth = Math.min(56, slot * 0.6);
  const yOf = (fraction: number) => top + 20 + (1 - fraction) * plotHeight;
  const parts = layout.bars.map((bar, i) => {
    const cx = 20 + slot * i + slot / 2;
    const y = yOf(bar.end);
    const height = Math.max(yOf(bar.start) - y, bar.value === 0 ? 0 : 1);
    const labelY = bar.value < 0 ? y + height + 14 : y - 6;
    return [
      `<rect x="${(cx - barWidth / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}" fill="${color}" rx="2"/>`,
      `<text x="${cx.toFixed(1)}" y="${labelY.toFixed(1)}" text-anchor="middle" ${FONT}>${escapeXml(bar.display)}</text>`,
      `<text x="${cx.toFixed(1)}" y="${(top + plotHeight + 58).toFixed(1)}" text-anchor="middle" ${FONT}>${escapeXml(truncate(bar.label, 14))}</text>`,
    ].join("");
  });
  const zeroY = yOf(layout.zero).toFixed(1);
  parts.push(`<line x1="10" y1="${zeroY}" x2="${WIDTH - 10}" y2="${zeroY}" stroke="#6b7280"/>`);
  return { body: parts.join(""), height: top + plotHeight + 72 };
}

/** Ids come from the content, not a counter, so the same chart renders the same markup every time. */
function chartId(spec: ChartSpec): string {
  let hash = 5381;
  for (const c of JSON.stringify(spec)) hash = ((hash * 33) ^ c.charCodeAt(0)) >>> 0;
  return `chart-${hash.toString(36)}`;
}

/**
 * An accessible bar chart: vertical for a few short labels, horizontal when labels are long or many.
 * `layout: "horizontal"` always draws label-value rows, the way the PDF does (the Word export's image).
 */
export function chartSvg(spec: ChartSpec, color: string, options: { layout?: "auto" | "horizontal" } = {}): string {
  const id = chartId(spec);
  const title = spec.title || "Chart";
  // currentColor lets the web page colour the bars from CSS; exports pass the brand colour.
  const fill = /^#[0-9a-f]{6}$/i.test(color) || color === "currentColor" ? color : "#1f4e79";
  const summary = spec.points.map((p) => `${p.label}: ${formatChartValue(spec, p.value)}`).join("; ");
  const heading = `<text x="0" y="16" font-weight="600" ${FONT}>${escapeXml(title)}</text>`;
  let body: string;
  let height: number;
  if (spec.points.length === 0) {
    body = `<text x="${WIDTH / 2}" y="60" text-anchor="middle" fill="#6b7280" ${FONT}>No data</text>`;
    height = 90;
  } else {
    const layout = chartLayout(spec);
    const longLabels = spec.points.some((p) => p.label.length > 12);
    ({ body, height } =
      options.layout === "horizontal" || spec.points.length > 8 || longLabels
        ? horizontalBars(layout, fill, 28)
        : verticalBars(layout, fill, 28));
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}"`,
    ` width="100%" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(summary || "No data")}</desc>`,
    heading,
    body,
    `</svg>`,
  ].join("");
}
