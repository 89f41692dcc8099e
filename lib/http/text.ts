import { z } from "zod";

/**
 * Text Postgres cannot store: U+0000 (refused in `text`) and a UTF-16 surrogate without its pair (it has
 * no UTF-8 form, so drivers either fail or silently turn it into U+FFFD). Input carrying either is refused
 * at the boundary with a field error instead of failing deep inside a query.
 */
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_TEXT_ALL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_DEPTH = 32;

export const UNSAFE_TEXT_MESSAGE = "Remove the NUL or broken (unpaired surrogate) character from this text";

export function hasUnsafeText(value: string): boolean {
  return UNSAFE_TEXT.test(value);
}

/** Drops what Postgres cannot store; for view state (search boxes, filters) where refusing helps no one. */
export function stripUnsafeText(value: string): string {
  return value.replace(UNSAFE_TEXT_ALL, "");
}

/**
 * The field path ("notes", "lines.2.label", or "_form" for the whole input) of the first string, key
 * or nesting level that cannot be accepted, or null when the input is clean.
 */
export function findUnsafeText(value: unknown, path: string[] = []): string | null {
  const here = path.length ? path.join(".") : "_form";
  if (typeof value === "string") return hasUnsafeText(value) ? here : null;
  if (value === null || typeof value !== "object") return null;
  if (path.length >= MAX_DEPTH) return here;
  if (value instanceof Blob) return value instanceof File && hasUnsafeText(value.name) ? here : null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    if (hasUnsafeText(key)) return here;
    const found = findUnsafeText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** A search-box string in a URL: unstorable characters are dropped, then trimmed and bounded. */
export const searchTextSchema = (max: number) => z.string().transform(stripUnsafeText).pipe(z.string().trim().max(max));
