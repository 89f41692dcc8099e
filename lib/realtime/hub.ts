import "server-only";
import { sql } from "drizzle-orm";
import { getConnection } from "@/lib/db/client";
import { rows, withSession, type SessionClaims } from "@/lib/db/session";
import type { AppRole } from "@/lib/db/schema";
import { parseChangeEvent, type ChangeEvent, type RealtimeTable } from "./events";

export const CHANGES_CHANNEL = "partneros_changes";

export interface Subscriber {
  claims: SessionClaims;
  role: AppRole;
  partnerId: string | null;
  tables: ReadonlySet<RealtimeTable>;
  send(event: ChangeEvent): void;
}

interface Hub {
  subscribers: Set<Subscriber>;
  listening?: Promise<void>;
}

const PARTNER_ROWS: ReadonlySet<RealtimeTable> = new Set(["referral_clicks", "referrals"]);

const globalForHub = globalThis as typeof globalThis & { __partnerosRealtime?: Hub };
const hub: Hub = (globalForHub.__partnerosRealtime ??= { subscribers: new Set() });

/** Whether this subscriber may learn of the change: the row is read back through RLS as that user. */
export async function maySee(subscriber: Subscriber, event: ChangeEvent): Promise<boolean> {
  if (event.table === "notifications") return event.userId === subscriber.claims.sub;
  // Alerts are their person's; the VP sees everyone's (as RLS has it), without a read-back per event.
  if (event.table === "alerts") return event.userId === subscriber.claims.sub || subscriber.role === "vp";
  // Rows owned by one partner organisation (staff read them all): decided from the payload, because a
  // click batch emits one event per row and a per-row read-back would cost a query each.
  if (PARTNER_ROWS.has(event.table)) {
    return subscriber.role !== "partner" || (event.partnerId != null && event.partnerId === subscriber.partnerId);
  }
  // A partner cannot read deals, but hears of those it referred (its commission lines follow them).
  if (event.table === "opportunities" && subscriber.role === "partner") {
    return event.partnerId != null && event.partnerId === subscriber.partnerId;
  }
  if (event.op === "delete" || !event.id) {
    return subscriber.role !== "partner" || (event.partnerId != null && event.partnerId === subscriber.partnerId);
  }
  const [row] = await withSession({ claims: subscriber.claims }, (tx) =>
    rows<{ visible: boolean }>(tx, sql`select exists (select 1 from ${sql.identifier("public")}.${sql.identifier(event.table)} where id = ${event.id}) as visible`),
  );
  return Boolean(row?.visible);
}

async function dispatch(event: ChangeEvent) {
  await Promise.all(
    [...hub.subscribers]
      .filter((s) => s.tables.has(event.table))
      .map(async (s) => {
        try {
          if (await maySee(s, event)) s.send(event);
        } catch (error) {
          console.error("[realtime] visibility check failed", error);
        }
      }),
  );
}

function ensureListening(): Promise<void> {
  hub.listening ??= (async () => {
    const conn = await getConnection();
    await conn.listen(CHANGES_CHANNEL, (payload) => {
      const event = parseChangeEvent(payload);
      if (event) void dispatch(event);
    });
  })();
  return hub.listening;
}

export async function subscribe(subscriber: Subscriber): Promise<() => void> {
  await ensureListening();
  hub.subscribers.add(subscriber);
  return () => hub.subscribers.delete(subscriber);
}
