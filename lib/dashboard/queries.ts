import "server-only";
import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { opportunities, partners, stages, workspaceSettings } from "@/lib/db/schema";
import { quarterOf } from "./quarter";

export interface QuarterSnapshot {
  label: string;
  currency: string;
  targetMinor: number;
  wonMinor: number;
  wonCount: number;
  openMinor: number;
  openCount: number;
  activePartners: number;
}

/** Bookings this quarter and open pipeline, in the workspace currency (deals in other currencies are left out until FX conversion lands). */
export async function getQuarterSnapshot(tx: Tx, now = new Date()): Promise<QuarterSnapshot> {
  const q = quarterOf(now);
  const [settings] = await tx.select({ currency: workspaceSettings.currency, target: workspaceSettings.quarterTargetMinor }).from(workspaceSettings);
  const currency = settings?.currency ?? "USD";
  const [won] = await tx
    .select({ total: sql<string>`coalesce(sum(${opportunities.valueMinor}), 0)`, n: count() })
    .from(opportunities)
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .where(and(eq(stages.isWon, true), eq(opportunities.currency, currency), gte(opportunities.actualCloseDate, q.start), lt(opportunities.actualCloseDate, q.end)));
  const [open] = await tx
    .select({ total: sql<string>`coalesce(sum(${opportunities.valueMinor}), 0)`, n: count() })
    .from(opportunities)
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .where(and(eq(stages.isWon, false), eq(stages.isLost, false), eq(opportunities.currency, currency)));
  const [active] = await tx.select({ n: count() }).from(partners).where(eq(partners.status, "active"));
  return {
    label: q.label,
    currency,
    targetMinor: settings?.target ?? 0,
    wonMinor: Number(won?.total ?? 0),
    wonCount: Number(won?.n ?? 0),
    openMinor: Number(open?.total ?? 0),
    openCount: Number(open?.n ?? 0),
    activePartners: Number(active?.n ?? 0),
  };
}
