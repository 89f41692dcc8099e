import sharp from "sharp";
import { chartSvg } from "./chart";
import type { ChartSpec } from "./document";

export interface ChartImage {
  /** PNG bytes, drawn at twice the display size so it stays sharp when printed. */
  data: Buffer;
  /** Display size in CSS pixels (96 per inch). */
  width: number;
  height: number;
}

const SCALE = 2;

/**
 * The chart as a PNG, server-side and without a browser: the same SVG the web page shows (bars from the
 * layout the PDF draws with), rasterised by sharp's librsvg with the system's sans-serif font.
 */
export async function chartPng(spec: ChartSpec, color: string): Promise<ChartImage> {
  // The same chart renders to the same bytes: exports of one document (and bundles) reuse it.
  const key = JSON.stringify([spec, color]);
  const cached = CACHE.get(key);
  if (cached) return cached;
  const image = await rasterise(spec, color);
  if (CACHE.size >= CACHE_SIZE) CACHE.delete(CACHE.keys().next().value!);
  CACHE.set(key, image);
  return image;
}

const CACHE_SIZE = 64;
const CACHE = new Map<string, ChartImage>();

async function rasterise(spec: ChartSpec, color: string): Promise<ChartImage> {
  const svg = chartSvg(spec, color, { layout: "horizontal" });
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = Math.round(Number(box?.[1] ?? 640));
  const height = Math.round(Number(box?.[2] ?? 200));
  // librsvg needs a fixed size and a font it knows; the page's own CSS is not there to style the labels.
  const sized = svg
    .replace(' width="100%"', ` width="${width}" height="${height}"`)
    .replaceAll('font-family="system-ui, sans-serif"', 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"')
    .replace("<title", '<rect width="100%" height="100%" fill="#ffffff"/><title');
  const data = await sharp(Buffer.from(sized), { density: 72 * SCALE }).png({ compressionLevel: 9 }).toBuffer();
  return { data, width, height };
}
