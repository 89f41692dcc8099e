/** The one file storage interface; callers never know whether files land on disk or in Supabase Storage. */
export interface StoragePort {
  name: "local" | "supabase";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export class StorageKeyError extends Error {}

const KEY = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}(\/[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}){0,5}$/;

/** Keys are slash-separated plain segments: no `..`, no absolute paths, no backslashes. */
export function assertSafeKey(key: string): string {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === ".." || part.includes(".."))) {
    throw new StorageKeyError(`Unsafe storage key: ${key}`);
  }
  return key;
}
