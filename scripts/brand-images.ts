// Renders the committed raster brand images from their SVG sources: `npx tsx scripts/brand-images.ts`.
// Run it after changing app/icon.svg or scripts/brand/*.svg, and commit the PNG and ICO files it writes.
// sharp (libvips with librsvg) comes with next; the SVGs carry their text as outlines, so the output
// does not depend on the fonts of the machine that renders it.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";

const root = join(import.meta.dirname, "..");
const at = (path: string) => join(root, path);

async function png(source: string, width: number, height: number): Promise<Buffer> {
  const svg = await readFile(at(source));
  // Rasterize at the target size (density scales the vector), so a 16 px icon is drawn, not downsampled.
  const intrinsic = (await sharp(svg).metadata()).width ?? width;
  return sharp(svg, { density: (72 * width) / intrinsic })
    .resize(width, height)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An ICO holding PNG images (browsers and Windows since Vista read PNG entries). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

async function main() {
  await writeFile(at("app/apple-icon.png"), await png("scripts/brand/apple-icon.svg", 180, 180));
  await writeFile(at("app/opengraph-image.png"), await png("scripts/brand/opengraph-image.svg", 1200, 630));
  const sizes = [16, 32, 48];
  const images = await Promise.all(
    sizes.map(async (size) => ({ size, data: await png("app/icon.svg", size, size) })),
  );
  await writeFile(at("app/favicon.ico"), ico(images));
  console.log("wrote app/apple-icon.png, app/opengraph-image.png, app/favicon.ico");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
