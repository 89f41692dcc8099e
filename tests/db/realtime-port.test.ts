import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { resetRealtimeConfig } from "@/lib/realtime/config";
import { createSupabaseRealtimeClient } from "@/lib/realtime/client-supabase";
import type { ChangeEvent, RealtimeTable } from "@/lib/realtime/events";
import { maySee, subscribe } from "@/lib/realtime/hub";
import type { RealtimeSession, RealtimeStatus } from "@/lib/realtime/port";
import { realtimeSessionFor } from "@/lib/realtime/session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { eventually } from "../support/eventually";
import * as f from "../support/factories";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";
import { installRealtimeSchema, startRealtimeServer, type RealtimeTestServer } from "../support/realtime-server";

// One suite, both realtime adapters: the local LISTEN/NOTIFY one (the hub behind /api/realtime) and
// Supabase Realtime (the real client-supabase.ts and @supabase/realtime-js against the local server
// of tests/support/realtime-server.ts, fed by the migration's realtime.send triggers).

const JWT_SECRET = "test-realtime-jwt-secret-0123456789abcdef";
const API_KEY = "test-publishable-key";

let db: TestDatabase;
let stages: StageIds;
beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  stages = await createDefaultStages(db.conn);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

interface Listener {
  events: ChangeEvent[];
  stop(): Promise<void>;
}

interface Adapter {
  name: "listen" | "supabase";
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** The viewer's subscription to these tables, once it is live. */
  listen(user: f.TestUser, tables: RealtimeTable[]): Promise<Listener>;
  /** Whether the adapter lets this user hear a topic's events (a channel join on Supabase). */
  mayJoin(user: f.TestUser, topic: string): Promise<boolean>;
}


const settle = () => new Promise((r) => setTimeout(r, 250));

const listenAdapter: Adapter = {
  name: "listen",
  async setup() {
    delete process.env.REALTIME_ADAPTER;
    resetRealtimeConfig();
  },
  async teardown() {},
  async listen(user, tables) {
    const events: ChangeEvent[] = [];
    const stop = await subscribe({ claims: user.claims, tables: new Set(tables), send: (e) => events.push(e) });
    return { events, stop: async () => stop() };
  },
  // A deleted row cannot be read back, so only the topic decides.
  mayJoin: (user, topic) => maySee({ claims: user.claims }, { table: "partners", op: "delete", id: null, topics: [topic] }),
};

let server: RealtimeTestServer | null = null;
const supabaseEnv = () => ({
  REALTIME_ADAPTER: "supabase",
  SUPABASE_REALTIME_URL: server!.url,
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: API_KEY,
  SUPABASE_JWT_SECRET: JWT_SECRET,
});

const supabaseAdapter: Adapter = {
  name: "supabase",
  async setup() {
    await installRealtimeSchema(db.conn);
    server = await startRealtimeServer({ conn: db.conn, jwtSecret: JWT_SECRET, apiKey: API_KEY });
    Object.assign(process.env, supabaseEnv());
    resetRealtimeConfig();
  },
  async teardown() {
    for (const key of Object.keys(supabaseEnv())) delete process.env[key];
    resetRealtimeConfig();
    await server?.close();
    server = null;
  },
  async listen(user, tables) {
    const session = await realtimeSessionFor(user);
    if (session.adapter !== "supabase") throw new Error("expected a Supabase session");
    const events: ChangeEvent[] = [];
    const client = createSupabaseRealtimeClient(session, {
      transport: WebSocket,
      refresh: async () => (await realtimeSessionFor(user)) as Extract<RealtimeSession, { adapter: "supabase" }>,
    });
    const open = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the channels did not open")), 5000);
      client.subscribe(tables, {
        onEvent: (e) => events.push(e),
        onStatus: (s: RealtimeStatus) => {
          if (s === "open") {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await open;
    return { events, stop: () => client.close() };
  },
  async mayJoin(user, topic) {
    const session = await realtimeSessionFor(user);
    if (session.adapter !== "supabase") throw new Error("expected a Supabase session");
    const supabase = createClient(session.url, session.key, { accessToken: async () => session.accessToken, realtime: { transport: WebSocket as never } });
    try {
      return await new Promise<boolean>((resolve) => {
        void supabase.realtime.setAuth().then(() => supabase.channel(topic, { config: { private: true } }).subscribe((state) => {
          if (state === "SUBSCRIBED") resolve(true);
          if (state === "CHANNEL_ERROR" || state === "TIMED_OUT") resolve(false);
        }));
      });
    } finally {
      await supabase.removeAllChannels();
      await supabase.realtime.disconnect();
    }
  },
};

describe.each([listenAdapter, supabaseAdapter])("realtime port: $name adapter", (adapter) => {
  beforeAll(() => adapter.setup());
  afterAll(() => adapter.teardown());

  test("a partner hears its own tier change and its organisation's deal changes, and nothing of another partner", async () => {
    const bronze = await f.createTier(db.conn, { rank: adapter.name === "listen" ? 10 : 20 });
    const silver = await f.createTier(db.conn, { rank: adapter.name === "listen" ? 11 : 21 });
    const orgA = await f.createPartner(db.conn, { tierId: bronze.id });
    const orgB = await f.createPartner(db.conn, { tierId: bronze.id });
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    const a = await f.createUser(db.conn, { role: "partner", partnerId: orgA.id });
    const b = await f.createUser(db.conn, { role: "partner", partnerId: orgB.id });
    const tables: RealtimeTable[] = ["partners", "tier_history", "opportunities", "stages"];
    const [hearA, hearB] = await Promise.all([adapter.listen(a, tables), adapter.listen(b, tables)]);
    try {
      // A's tier change, as the tier evaluation writes it: the organisation's tier and a history row.
      await db.conn.query("update public.partners set tier_id = $2 where id = $1", [orgA.id, silver.id]);
      const [history] = await db.conn.query<{ id: string }>(
        "insert into public.tier_history (partner_id, from_tier_id, to_tier_id, reason) values ($1, $2, $3, 'test') returning id",
        [orgA.id, bronze.id, silver.id],
      );
      // A deal A referred opens and moves; one of B's, and a stage nobody in the portal sees, change too.
      const deal = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead, referringPartnerId: orgA.id });
      await move(db.conn, sales.claims, deal.id, stages.demo);
      const otherDeal = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead, referringPartnerId: orgB.id });
      await db.conn.query("update public.stages set name = name where id = $1", [stages.poc]);

      const key = (e: ChangeEvent) => `${e.table}:${e.op}:${e.id}`;
      await eventually(() =>
        expect(new Set(hearA.events.map(key))).toEqual(
          new Set([`partners:update:${orgA.id}`, `tier_history:insert:${history!.id}`, `opportunities:insert:${deal.id}`, `opportunities:update:${deal.id}`]),
        ),
      );
      await eventually(() => expect(hearB.events.map(key)).toEqual([`opportunities:insert:${otherDeal.id}`]));
      await settle();
      expect(hearA.events.map((e) => e.id)).not.toContain(otherDeal.id);
      expect(hearB.events.map((e) => e.id)).not.toContain(orgA.id);
      expect([...hearA.events, ...hearB.events].every((e) => e.table !== "stages")).toBe(true);
      // Ids only: an event is table, operation and id.
      for (const e of hearA.events) expect(Object.keys(e).sort()).toEqual(["id", "op", "table"]);
    } finally {
      await Promise.all([hearA.stop(), hearB.stop()]);
    }
  });

  test("staff hear board moves; a partner hears none of the deals it did not refer", async () => {
    const org = await f.createPartner(db.conn);
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    const colleague = await f.createUser(db.conn, { role: "sales_manager" });
    const partner = await f.createUser(db.conn, { role: "partner", partnerId: org.id });
    const deal = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead });
    await settle();
    const [staff, portal] = await Promise.all([adapter.listen(colleague, ["opportunities"]), adapter.listen(partner, ["opportunities"])]);
    try {
      await move(db.conn, sales.claims, deal.id, stages.demo);
      await eventually(() => expect(staff.events).toContainEqual({ table: "opportunities", op: "update", id: deal.id }));
      await settle();
      expect(portal.events).toEqual([]);
    } finally {
      await Promise.all([staff.stop(), portal.stop()]);
    }
  });

  test("a deal handed to another referring partner reaches the partner it left, and the new one", async () => {
    const orgA = await f.createPartner(db.conn);
    const orgB = await f.createPartner(db.conn);
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    const deal = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead, referringPartnerId: orgA.id });
    await settle();
    const [a, b] = await Promise.all([
      adapter.listen(await f.createUser(db.conn, { role: "partner", partnerId: orgA.id }), ["opportunities"]),
      adapter.listen(await f.createUser(db.conn, { role: "partner", partnerId: orgB.id }), ["opportunities"]),
    ]);
    try {
      await db.conn.query("update public.opportunities set referring_partner_id = $2 where id = $1", [deal.id, orgB.id]);
      const update = { table: "opportunities", op: "update", id: deal.id };
      await eventually(() => {
        expect(a.events).toContainEqual(update);
        expect(b.events).toContainEqual(update);
      });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  test("a join the database does not allow is refused", async () => {
    const orgA = await f.createPartner(db.conn);
    const orgB = await f.createPartner(db.conn);
    const partner = await f.createUser(db.conn, { role: "partner", partnerId: orgA.id });
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    expect(await adapter.mayJoin(partner, `partner:${orgA.id}`)).toBe(true);
    expect(await adapter.mayJoin(partner, `partner:${orgB.id}`)).toBe(false);
    expect(await adapter.mayJoin(partner, "team")).toBe(false);
    expect(await adapter.mayJoin(partner, `user:${sales.id}`)).toBe(false);
    expect(await adapter.mayJoin(sales, "team")).toBe(true);
    expect(await adapter.mayJoin(sales, "finance")).toBe(false);
    expect(await adapter.mayJoin(sales, "made-up")).toBe(false);
  });
});

describe("Supabase Realtime specifics", () => {
  beforeAll(() => supabaseAdapter.setup());
  afterAll(() => supabaseAdapter.teardown());

  test("a session names only the topics the database lets the user join, and a forged token is refused", async () => {
    const org = await f.createPartner(db.conn);
    const partner = await f.createUser(db.conn, { role: "partner", partnerId: org.id });
    const finance = await f.createUser(db.conn, { role: "finance" });
    const session = await realtimeSessionFor(partner);
    expect(session.adapter === "supabase" && [...session.topics].sort()).toEqual([`partner:${org.id}`, "portal", `user:${partner.id}`].sort());
    const staff = await realtimeSessionFor(finance);
    expect(staff.adapter === "supabase" && [...staff.topics].sort()).toEqual(["finance", "team", `user:${finance.id}`].sort());

    const forged = createClient(server!.url, API_KEY, { accessToken: async () => "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad", realtime: { transport: WebSocket as never } });
    try {
      const state = await new Promise<string>((resolve) =>
        forged.channel("team", { config: { private: true } }).subscribe((s) => {
          if (s !== "CLOSED") resolve(s);
        }),
      );
      expect(state).toBe("CHANNEL_ERROR");
      expect(server!.joins.at(-1)).toMatchObject({ topic: "team", ok: false });
    } finally {
      await forged.removeAllChannels();
      await forged.realtime.disconnect();
    }
  });

  test("broadcasts carry ids only and go to the row's private topics", async () => {
    const org = await f.createPartner(db.conn);
    const before = server!.relayed.length;
    await f.createNotification(db.conn, (await f.createUser(db.conn, { role: "vp" })).id);
    await db.conn.query("update public.partners set description = 'x' where id = $1", [org.id]);
    await eventually(() => expect(server!.relayed.slice(before).filter((m) => (m.payload as ChangeEvent).op === "update")).toHaveLength(2));
    const sent = server!.relayed.slice(before);
    const update = (m: (typeof sent)[number]) => {
      const e = m.payload as ChangeEvent;
      return e.table === "partners" && e.op === "update" && e.id === org.id;
    };
    expect(sent.filter(update).map((m) => m.topic).sort()).toEqual([`partner:${org.id}`, "team"].sort());
    for (const m of sent) {
      expect(m.event).toBe("change");
      expect(Object.keys(m.payload as object).sort()).toEqual(["id", "op", "table"]);
    }
  });
});
