export const REALTIME_TABLES = [
  "tiers",
  "partners",
  "stages",
  "opportunities",
  "agreements",
  "notifications",
  "referral_clicks",
  "referrals",
  "deal_registrations",
  "tier_history",
  "partner_achievements",
  "payouts",
  "payout_batches",
  "alerts",
] as const;
export type RealtimeTable = (typeof REALTIME_TABLES)[number];

export interface ChangeEvent {
  table: RealtimeTable;
  op: "insert" | "update" | "delete";
  id: string | null;
  userId?: string | null;
  partnerId?: string | null;
}

export function isRealtimeTable(value: string): value is RealtimeTable {
  return (REALTIME_TABLES as readonly string[]).includes(value);
}

export function parseChangeEvent(payload: string): ChangeEvent | null {
  try {
    const value = JSON.parse(payload) as Partial<ChangeEvent>;
    if (typeof value.table !== "string" || !isRealtimeTable(value.table)) return null;
    if (value.op !== "insert" && value.op !== "update" && value.op !== "delete") return null;
    return { table: value.table, op: value.op, id: value.id ?? null, userId: value.userId ?? null, partnerId: value.partnerId ?? null };
  } catch {
    return null;
  }
}
