import "server-only";
import type { StoragePort } from "./port";
import { storageFromEnv } from "./from-env";

export { ATTACHMENTS_BUCKET } from "./from-env";

/** Supabase Storage when the project URL and service role key are set, otherwise the local disk. */
export function storage(): StoragePort {
  return storageFromEnv();
}
