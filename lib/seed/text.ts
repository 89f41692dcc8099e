/**
 * Seed vocabularies are written as plain text blocks: compact to read and edit, and left alone by the
 * formatter, which would otherwise put every string of a long array on its own line.
 */

/** One item per line, or several per line separated by `;`. */
export function list(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One row per line, cells separated by `|`. */
export function table(text: string): string[][] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split("|").map((cell) => cell.trim()));
}

/** Narrows a table cell to a known value, so a typo in seed text fails at load instead of in the database. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new Error(`Seed value "${value}" is not one of ${allowed.join(", ")}`);
  return value as T;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "Tomás O'Brien" → "tomas.obrien" */
export const emailLocal = (name: string) => slugify(name.replace(/'/g, "")).replace(/-/g, ".");
