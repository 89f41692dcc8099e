import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertSafeKey, StorageKeyError, type StoragePort } from "./port";

/** Files under `<root>/<key>` (default `.data/storage`); a key can never resolve outside the root. */
export function createLocalStorage(root = path.join(process.cwd(), ".data", "storage")): StoragePort {
  const base = path.resolve(/*turbopackIgnore: true*/ root);
  const resolve = (key: string) => {
    const full = path.resolve(/*turbopackIgnore: true*/ base, assertSafeKey(key));
    if (!full.startsWith(base + path.sep)) throw new StorageKeyError(`Unsafe storage key: ${key}`);
    return full;
  };
  return {
    name: "local",
    async put(key, bytes) {
      const file = resolve(key);
      await mkdir(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
      await writeFile(/*turbopackIgnore: true*/ file, bytes);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(/*turbopackIgnore: true*/ resolve(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(/*turbopackIgnore: true*/ resolve(key), { force: true });
    },
  };
}
