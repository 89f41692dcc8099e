import "server-only";
import { asc, desc, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { landingPages } from "@/lib/db/schema";

export function listLandingPages(tx: Tx) {
  return tx
    .select({
      id: landingPages.id,
      name: landingPages.name,
      url: landingPages.url,
      isDefault: landingPages.isDefault,
      active: landingPages.active,
      links: sql<number>`(select count(*)::int from public.referral_links l where l.landing_page_id = ${landingPages.id} and l.archived_at is null)`,
    })
    .from(landingPages)
    .orderBy(desc(landingPages.isDefault), asc(sql`lower(${landingPages.name})`));
}
