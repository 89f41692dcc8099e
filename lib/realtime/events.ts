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
export type ChangeOp = "insert" | "update" | "delete";

/** What a subscriber hears: which row of which table changed, and how. Never row data: it refetches through RLS. */
export interface ChangeEvent {
  table: RealtimeTable;
  op: ChangeOp;
  id: string | null;
}

/** A change as the database announces it: the event and the topics (audiences) that may hear of it. */
export interface ChangeNotice extends ChangeEvent {
  topics: string[];
}

export function isRealtimeTable(value: string): value is RealtimeTable {
  return (REALTIME_TABLES as readonly string[]).includes(value);
}

const isOp = (value: unknown): value is ChangeOp => value === "insert" || value === "update" || value === "delete";

/** An event from a broadcast or a stream frame, or null when it is not one of ours. */
export function toChangeEvent(value: unknown): ChangeEvent | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.table !== "string" || !isRealtimeTable(v.table) || !isOp(v.op)) return null;
  return { table: v.table, op: v.op, id: typeof v.id === "string" ? v.id : null };
}

/** The payload of a `partneros_changes` notification (see private.emit_change). */
export function parseChangeNotice(payload: string): ChangeNotice | null {
  try {
    const value = JSON.parse(payload) as { topics?: unknown };
    const event = toChangeEvent(value);
    if (!event) return null;
    const topics = Array.isArray(value.topics) ? value.topics.filter((t): t is string => typeof t === "string") : [];
    return { ...event, topics };
  } catch {
    return null;
  }
}
