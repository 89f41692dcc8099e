import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows, withSession, type SessionClaims } from "@/lib/db/session";
import type { AppRole } from "@/lib/domain/enums";
import type { ChangeEvent, RealtimeTable } from "./events";

export interface Viewer {
  claims: SessionClaims;
  role: AppRole;
  partnerId: string | null;
}

const PARTNER_ROWS: ReadonlySet<RealtimeTable> = new Set(["referral_clicks", "referrals"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ownPartner = (viewer: Viewer, event: ChangeEvent) => event.partnerId != null && event.partnerId === viewer.partnerId;

/**
 * Events decided from their payload alone (true/false), or "read-back" when only RLS can tell: the row is then
 * read back as the viewer, for all of a batch's rows at once.
 */
export function decideFromPayload(viewer: Viewer, event: ChangeEvent): boolean | "read-back" {
  if (event.table === "notifications") return event.userId === viewer.claims.sub;
  // Alerts are their person's; the VP sees everyone's (as RLS has it).
  if (event.table === "alerts") return event.userId === viewer.claims.sub || viewer.role === "vp";
  // Rows owned by one partner organisation (staff read them all): a click batch emits one event per row.
  if (PARTNER_ROWS.has(event.table)) return viewer.role !== "partner" || ownPartner(viewer, event);
  // A partner cannot read deals, but hears of those it referred (its commission lines follow them).
  if (event.table === "opportunities" && viewer.role === "partner") return ownPartner(viewer, event);
  // A deleted row cannot be read back.
  if (event.op === "delete" || !event.id) return viewer.role !== "partner" || ownPartner(viewer, event);
  return UUID.test(event.id) ? "read-back" : false;
}

const key = (table: string, id: string) => `${table}:${id.toLowerCase()}`;

/** The "table:id" keys of the given rows this viewer may read, in one RLS transaction and one statement. */
async function readableRows(viewer: Viewer, events: readonly ChangeEvent[]): Promise<Set<string>> {
  const byTable = new Map<RealtimeTable, Set<string>>();
  for (const e of events) {
    let ids = byTable.get(e.table);
    if (!ids) byTable.set(e.table, (ids = new Set()));
    ids.add(e.id!.toLowerCase());
  }
  const parts: SQL[] = [...byTable].map(
    // Ids are checked uuids, so the array literal cannot carry anything else.
    ([table, ids]) =>
      sql`select ${table}::text as t, id::text as id from ${sql.identifier("public")}.${sql.identifier(table)} where id = any(${`{${[...ids].join(",")}}`}::uuid[])`,
  );
  const found = await withSession({ claims: viewer.claims }, (tx) =>
    rows<{ t: string; id: string }>(tx, sql.join(parts, sql` union all `)),
  );
  return new Set(found.map((r) => key(r.t, r.id)));
}

/**
 * Which of a batch's events each viewer may learn of. Viewers are grouped by user: one read-back per
 * distinct user per batch, however many streams and rows, instead of one per stream per row.
 */
export async function visibleEvents<V extends Viewer>(viewers: readonly V[], eventsOf: (viewer: V) => readonly ChangeEvent[]): Promise<Map<V, ChangeEvent[]>> {
  const decided = new Map<V, { event: ChangeEvent; decision: boolean | "read-back" }[]>();
  const groups = new Map<string, { viewer: V; events: Map<string, ChangeEvent>; readable?: Set<string> }>();
  for (const viewer of viewers) {
    const list = eventsOf(viewer).map((event) => ({ event, decision: decideFromPayload(viewer, event) }));
    decided.set(viewer, list);
    for (const { event, decision } of list) {
      if (decision !== "read-back") continue;
      const group = groups.get(viewer.claims.sub) ?? { viewer, events: new Map() };
      groups.set(viewer.claims.sub, group);
      group.events.set(key(event.table, event.id!), event);
    }
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      group.readable = await readableRows(group.viewer, [...group.events.values()]);
    }),
  );
  const out = new Map<V, ChangeEvent[]>();
  for (const [viewer, list] of decided) {
    const readable = groups.get(viewer.claims.sub)?.readable;
    out.set(
      viewer,
      list.filter(({ event, decision }) => decision === true || (decision === "read-back" && readable?.has(key(event.table, event.id!)))).map((d) => d.event),
    );
  }
  return out;
}
