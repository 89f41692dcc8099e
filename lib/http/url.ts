import { hasUnsafeText } from "./text";

/**
 * Why a raw (still percent-encoded) path cannot be served, or null: a segment that is not valid
 * percent-encoded UTF-8 ("%zz", "%E0%A4%A", an encoded lone surrogate) or that decodes to NUL.
 */
export function malformedPath(rawPath: string): string | null {
  if (!rawPath.includes("%")) return null;
  for (const segment of rawPath.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "The path holds malformed percent-encoding";
    }
    if (hasUnsafeText(decoded)) return "The path holds a NUL or broken character";
  }
  return null;
}
