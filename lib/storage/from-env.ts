// Also used by the demo seed (a plain Node script), so it carries no server-only marker.
import { createLocalStorage } from "./local";
import type { StoragePort } from "./port";
import { createSupabaseStorage } from "./supabase";

export const ATTACHMENTS_BUCKET = "status-attachments";

/** Supabase Storage when the project URL and service role key are set, otherwise the local disk. */
export function storageFromEnv(): StoragePort {
  const url = process.env.NEXT_PUBLIC_SUPABASE_URL;
  const serviceRoleKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
  if (url && serviceRoleKey) return createSupabaseStorage({ url, serviceRoleKey, bucket: ATTACHMENTS_BUCKET });
  return createLocalStorage(process.env.STORAGE_DIR || undefined);
}
