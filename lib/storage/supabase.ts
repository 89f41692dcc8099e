import { createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import { assertSafeKey, type StoragePort } from "./port";

export interface SupabaseStorageConfig {
  url: string;
  serviceRoleKey: string;
  bucket: string;
}

/** Supabase Storage through the service role: authorization already happened in our RLS transaction. */
export function createSupabaseStorage(config: SupabaseStorageConfig): StoragePort {
  const client = createClient(config.url, config.serviceRoleKey, {
    // Node 20 has no global WebSocket, which supabase-js's realtime client needs at construction.
    realtime: { transport: WebSocket as never },
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const bucket = () => client.storage.from(config.bucket);
  return {
    name: "supabase",
    async put(key, bytes, contentType) {
      const { error } = await bucket().upload(assertSafeKey(key), bytes, { contentType, upsert: false });
      if (error) throw new Error(`Storage upload failed: ${error.message}`);
    },
    async get(key) {
      const { data, error } = await bucket().download(assertSafeKey(key));
      if (error || !data) return null;
      return new Uint8Array(await data.arrayBuffer());
    },
    async delete(key) {
      const { error } = await bucket().remove([assertSafeKey(key)]);
      if (error) throw new Error(`Storage delete failed: ${error.message}`);
    },
  };
}
