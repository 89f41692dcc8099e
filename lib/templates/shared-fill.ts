import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";

export interface SharedFill {
  outcome: "opened" | "revoked" | "expired";
  title: string | null;
  markdown: string | null;
  company_name: string | null;
  brand_color: string | null;
  logo_base64: string | null;
  logo_type: string | null;
  shared_at: Date | string;
  expires_at: Date | string | null;
  template_slug: string | null;
}

/**
 * Opens one shared fill by its link token and logs the access, through the only function `anon` may
 * call for it; undefined when no fill has that token.
 */
export async function openSharedFill(tx: Tx, input: { token: string; ipHash: string; userAgent: string | null }): Promise<SharedFill | undefined> {
  const [shared] = await rows<SharedFill>(tx, sql`select * from private.open_shared_fill(${input.token}, ${input.ipHash}, ${input.userAgent ?? null})`);
  return shared;
}
