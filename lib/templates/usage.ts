import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";

export type UsageKind = "view" | "fill" | "export_pdf" | "export_docx" | "share" | "bundle";

export async function recordUsage(tx: Tx, slug: string, kind: UsageKind, userId: string): Promise<void> {
  await tx.execute(sql`insert into public.template_usage_events (template_slug, kind, user_id) values (${slug}, ${kind}, ${userId})`);
}

export interface UsageStats {
  views: number;
  fills: number;
  exports: number;
  shares: number;
}

/** Counts per template slug (views, fills, PDF + Word exports, share links). */
export async function getUsageStats(tx: Tx): Promise<Map<string, UsageStats>> {
  const list = await rows<{ slug: string; views: number; fills: number; exports: number; shares: number }>(
    tx,
    sql`select template_slug as slug,
          count(*) filter (where kind = 'view')::int as views,
          count(*) filter (where kind = 'fill')::int as fills,
          count(*) filter (where kind in ('export_pdf', 'export_docx'))::int as exports,
          count(*) filter (where kind = 'share')::int as shares
        from public.template_usage_events group by template_slug`,
  );
  return new Map(list.map((r) => [r.slug, { views: r.views, fills: r.fills, exports: r.exports, shares: r.shares }]));
}
