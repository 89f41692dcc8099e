import { afterAll, beforeAll, expect, test } from "vitest";
import type { ChangeEvent } from "@/lib/realtime/events";
import { maxStreamsPerUser, RealtimeLimitError, subscribe, type Subscriber } from "@/lib/realtime/hub";
import type { Connection } from "@/lib/db/connection";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { eventually } from "../support/eventually";
import { signInAs } from "../support/next-session";
import * as f from "../support/factories";

let db: TestDatabase;
/** Transactions the server side opened (each RLS read-back is one). */
let transactions = 0;

/** The connection the hub uses, counting its transactions. */
function counted(conn: Connection): Connection {
  const database = new Proxy(conn.db, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<Connection["db"]["transaction"]>) => {
        transactions += 1;
        return target.transaction(...args);
      };
    },
  });
  return { ...conn, db: database };
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(counted(db.conn));
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

function collector(user: f.TestUser, tables: Subscriber["tables"]) {
  const events: ChangeEvent[] = [];
  const subscriber: Subscriber = { claims: user.claims, tables, send: (e) => events.push(e) };
  return { events, subscriber };
}


test("changes reach exactly the sessions allowed to read the row", async () => {
  const partnerOrg = await f.createPartner(db.conn);
  const otherOrg = await f.createPartner(db.conn);
  const vp = await f.createUser(db.conn, { role: "vp" });
  const sales = await f.createUser(db.conn, { role: "sales_manager" });
  const partner = await f.createUser(db.conn, { role: "partner", partnerId: partnerOrg.id });
  const stage = await f.createStage(db.conn);

  const vpSub = collector(vp, new Set(["notifications", "opportunities", "partners"]));
  const salesSub = collector(sales, new Set(["notifications", "opportunities"]));
  const partnerSub = collector(partner, new Set(["notifications", "opportunities", "partners"]));
  const stops = await Promise.all([vpSub, salesSub, partnerSub].map((c) => subscribe(c.subscriber)));

  const note = await f.createNotification(db.conn, vp.id);
  const opportunity = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stage.id });
  await db.conn.query("update public.partners set description = 'updated' where id = any($1)", [[partnerOrg.id, otherOrg.id]]);

  await eventually(() => {
    expect(vpSub.events.map((e) => `${e.table}:${e.op}:${e.id}`).sort()).toEqual(
      [`notifications:insert:${note.id}`, `opportunities:insert:${opportunity.id}`, `partners:update:${partnerOrg.id}`, `partners:update:${otherOrg.id}`].sort(),
    );
    expect(salesSub.events.map((e) => `${e.table}:${e.id}`)).toEqual([`opportunities:${opportunity.id}`]);
    expect(partnerSub.events.map((e) => `${e.table}:${e.id}`)).toEqual([`partners:${partnerOrg.id}`]);
  });
  for (const stop of stops) stop();

  await f.createNotification(db.conn, vp.id);
  await new Promise((r) => setTimeout(r, 200));
  expect(vpSub.events).toHaveLength(4);
});

test("one bulk update costs one read-back per distinct user, however many streams and rows", async () => {
  const orgs = await Promise.all(Array.from({ length: 3 }, () => f.createPartner(db.conn)));
  const more = await Promise.all(Array.from({ length: 37 }, () => f.createPartner(db.conn)));
  const vp = await f.createUser(db.conn, { role: "vp" });
  const partnerA = await f.createUser(db.conn, { role: "partner", partnerId: orgs[0]!.id });
  const partnerB = await f.createUser(db.conn, { role: "partner", partnerId: orgs[1]!.id });
  const streams = [vp, partnerA, partnerB].flatMap((user) =>
    Array.from({ length: 4 }, () => ({ user, c: collector(user, new Set(["partners"])) })),
  );
  // The inserts' own batch goes out before anyone listens.
  await new Promise((r) => setTimeout(r, 250));
  const stops = await Promise.all(streams.map((s) => subscribe(s.c.subscriber)));
  const ids = [...orgs, ...more].map((o) => o.id);
  transactions = 0;

  await db.conn.query("update public.partners set description = 'bulk' where id = any($1)", [ids]);
  await eventually(() => {
    for (const s of streams.filter((x) => x.user === vp)) expect(s.c.events).toHaveLength(40);
  });
  await new Promise((r) => setTimeout(r, 200));
  try {
    for (const s of streams.filter((x) => x.user === partnerA)) expect(s.c.events.map((e) => e.id)).toEqual([orgs[0]!.id]);
    for (const s of streams.filter((x) => x.user === partnerB)) expect(s.c.events.map((e) => e.id)).toEqual([orgs[1]!.id]);
    // 12 streams × 40 rows were 480 read-backs; now one per user (3).
    expect(transactions).toBeLessThanOrEqual(3);
  } finally {
    for (const stop of stops) stop();
  }
});

test("repeated changes of one row within the batch window reach a stream once", async () => {
  const org = await f.createPartner(db.conn);
  const vp = await f.createUser(db.conn, { role: "vp" });
  const c = collector(vp, new Set(["partners"]));
  await new Promise((r) => setTimeout(r, 250));
  const stop = await subscribe(c.subscriber);
  // A window wide enough that five sequential updates fall in it on a loaded machine too.
  const window = process.env.REALTIME_BATCH_MS;
  process.env.REALTIME_BATCH_MS = "1500";
  try {
    for (let i = 0; i < 5; i += 1) await db.conn.query("update public.partners set description = $2 where id = $1", [org.id, `v${i}`]);
    await eventually(() => expect(c.events).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 200));
    expect(c.events).toEqual([{ table: "partners", op: "update", id: org.id }]);
  } finally {
    if (window === undefined) delete process.env.REALTIME_BATCH_MS;
    else process.env.REALTIME_BATCH_MS = window;
    stop();
  }
});

test("a user holds at most ten streams and the instance its configured total; a closed stream frees its place", async () => {
  const user = await f.createUser(db.conn, { role: "sales_manager" });
  const stops = [];
  expect(maxStreamsPerUser()).toBe(10);
  for (let i = 0; i < 10; i += 1) stops.push(await subscribe(collector(user, new Set(["partners"])).subscriber));
  await expect(subscribe(collector(user, new Set(["partners"])).subscriber)).rejects.toMatchObject({ scope: "user" });
  stops.pop()!();
  stops.push(await subscribe(collector(user, new Set(["partners"])).subscriber));

  process.env.REALTIME_MAX_STREAMS = "11";
  try {
    const other = await f.createUser(db.conn, { role: "vp" });
    stops.push(await subscribe(collector(other, new Set(["partners"])).subscriber));
    const refused = await subscribe(collector(other, new Set(["partners"])).subscriber).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RealtimeLimitError);
    expect(refused).toMatchObject({ scope: "instance" });
  } finally {
    delete process.env.REALTIME_MAX_STREAMS;
    for (const stop of stops) stop();
  }
});

test("GET /api/realtime answers a stream over the user's cap with 429 problem+json; closing one frees its place", async () => {
  const { GET } = await import("@/app/api/realtime/route");
  const user = await f.createUser(db.conn, { role: "vp" });
  await signInAs(user);
  process.env.REALTIME_MAX_STREAMS_PER_USER = "5";
  const open = () => {
    const controller = new AbortController();
    const request = new Request("http://localhost/api/realtime?tables=partners", { signal: controller.signal });
    return GET(request).then((response) => ({ response, controller }));
  };
  const streams = [];
  try {
    for (let i = 0; i < 5; i += 1) streams.push(await open());
    expect(streams.map((s) => s.response.status)).toEqual([200, 200, 200, 200, 200]);
    const refused = await open();
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get("content-type")).toMatch(/problem\+json/);
    expect(refused.response.headers.get("retry-after")).toBeTruthy();
    streams.shift()!.controller.abort();
    const again = await open();
    streams.push(again);
    expect(again.response.status).toBe(200);
  } finally {
    delete process.env.REALTIME_MAX_STREAMS_PER_USER;
    for (const s of streams) s.controller.abort();
  }
});
