import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows, withSession, type SessionClaims } from "@/lib/db/session";
import type { ChangeEvent, ChangeNotice, RealtimeTable } from "./events";

export interface Viewer {
  claims: SessionClaims;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The shape of private.realtime_topics' names ('team', 'partner:<uuid>', …); anything else is never asked about. */
const TOPIC = /^[a-z]+(:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;
const rowKey = (table: string, id: string) => `${table}:${id.toLowerCase()}`;

/**
 * What the database lets one viewer know of a batch, in one RLS transaction and one statement run as
 * that viewer: the topics it may join (private.realtime_may_join, the function that also authorises
 * Supabase Realtime channels) and which of the changed rows read back through RLS.
 */
async function decide(viewer: Viewer, notices: readonly ChangeNotice[]): Promise<{ topics: Set<string>; readable: Set<string> }> {
  const topics = [...new Set(notices.flatMap((n) => n.topics))].filter((t) => TOPIC.test(t));
  const byTable = new Map<RealtimeTable, Set<string>>();
  for (const n of notices) {
    // A deleted row cannot be read back; its topics decide alone. Ids that are not uuids are told by their topics too.
    if (n.op === "delete" || !n.id || !UUID.test(n.id)) continue;
    let ids = byTable.get(n.table);
    if (!ids) byTable.set(n.table, (ids = new Set()));
    ids.add(n.id.toLowerCase());
  }
  const parts: SQL[] = [
    sql`select 'topic' as kind, topic as key from unnest(${`{${topics.join(",")}}`}::text[]) as topic where private.realtime_may_join(topic)`,
    ...[...byTable].map(
      // Ids are checked uuids, so the array literal cannot carry anything else.
      ([table, ids]) =>
        sql`select 'row' as kind, ${table}::text || ':' || id::text as key from ${sql.identifier("public")}.${sql.identifier(table)} where id = any(${`{${[...ids].join(",")}}`}::uuid[])`,
    ),
  ];
  const found = await withSession({ claims: viewer.claims }, (tx) => rows<{ kind: string; key: string }>(tx, sql.join(parts, sql` union all `)));
  return {
    topics: new Set(found.filter((r) => r.kind === "topic").map((r) => r.key)),
    readable: new Set(found.filter((r) => r.kind === "row").map((r) => r.key.toLowerCase())),
  };
}

/**
 * Which of a batch's events each viewer may learn of, decided by the database: an event reaches a
 * viewer whose RLS reads the row back, or who may join one of the topics the change was announced to
 * (deleted rows, and the deals a partner referred, which it cannot read). Viewers are grouped by user:
 * one statement per distinct user per batch, however many streams and rows.
 */
export async function visibleEvents<V extends Viewer>(viewers: readonly V[], noticesOf: (viewer: V) => readonly ChangeNotice[]): Promise<Map<V, ChangeEvent[]>> {
  const groups = new Map<string, { viewer: V; notices: Map<string, ChangeNotice>; decided?: Awaited<ReturnType<typeof decide>> }>();
  const wanted = new Map<V, readonly ChangeNotice[]>();
  for (const viewer of viewers) {
    const list = noticesOf(viewer);
    wanted.set(viewer, list);
    const group = groups.get(viewer.claims.sub) ?? { viewer, notices: new Map() };
    groups.set(viewer.claims.sub, group);
    for (const n of list) group.notices.set(`${n.table}:${n.op}:${n.id ?? ""}`, n);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      if (group.notices.size) group.decided = await decide(group.viewer, [...group.notices.values()]);
    }),
  );
  const out = new Map<V, ChangeEvent[]>();
  for (const [viewer, list] of wanted) {
    const decided = groups.get(viewer.claims.sub)?.decided;
    const visible = decided
      ? list.filter((n) => (n.id != null && decided.readable.has(rowKey(n.table, n.id))) || n.topics.some((t) => decided.topics.has(t)))
      : [];
    out.set(
      viewer,
      visible.map(({ table, op, id }) => ({ table, op, id })),
    );
  }
  return out;
}
