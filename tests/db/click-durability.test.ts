import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { pruneRateLimits } from "@/lib/auth/rate-limit";
import { openConnection, type Connection } from "@/lib/db/connection";
import { withSystem } from "@/lib/db/session";
import { createClickQueue, type RedirectRequest } from "@/lib/referrals/click-queue";
import type { ClickRecord } from "@/lib/referrals/click-record";
import { fileSpool } from "@/lib/referrals/click-spool";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

// /r/ clicks are durable before the 302 and the burst limit is one bucket per address in Postgres, shared by
// every app instance (docs/decisions/0008-durable-clicks-and-shared-limits.md).

let db: TestDatabase;
let partner: { id: string };
let linkId: string;
let tmp: string;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  partner = await f.createPartner(db.conn);
  const [row] = await db.conn.query<{ id: string }>(
    `insert into public.referral_links (partner_id, code, landing_page_id)
     values ($1, 'durable-main', (select id from public.landing_pages where is_default)) returning id`,
    [partner.id],
  );
  linkId = row!.id;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "partneros-clicks-"));
});
afterAll(async () => {
  await db?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.conn.query("delete from private.rate_buckets");
});

function click(): ClickRecord {
  seq += 1;
  return {
    linkId,
    partnerId: partner.id,
    clickedAt: new Date(),
    visitorHash: `visitor-${seq}-${Date.now()}`,
    ipHash: `ip-${seq}`,
    userAgent: "Mozilla/5.0 test",
    referrer: null,
    isBot: false,
  };
}

/** A PostgreSQL URL nothing listens on: every write fails at once with a refused connection. */
async function refusedConnection(): Promise<Connection> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return openConnection({ url: `postgres://nobody@127.0.0.1:${port}/none`, maxConnections: 1 });
}

const visit = (bucket: string | null = null): RedirectRequest => ({ bucket, click: click() });
const spoolDir = (name: string) => path.join(tmp, name);
const countOf = async (hashes: string[]) =>
  Number(
    (
      await db.conn.query<{ n: number }>("select count(*)::int as n from public.referral_clicks where visitor_hash = any($1)", [
        hashes,
      ])
    )[0]!.n,
  );

async function take(conn: Connection, bucket: string, n: number) {
  const [row] = await conn.query<{ granted: number; retry_after: number }>(
    "select granted, retry_after from private.take_rate_tokens(array[$1], array[$2::int], 30, 5)",
    [bucket, n],
  );
  return { granted: Number(row!.granted), retryAfter: Number(row!.retry_after) };
}

describe("private.rate_buckets", () => {
  test("is the owner's alone: RLS on, and no API role reads or writes it", async () => {
    const [table] = await db.conn.query<{ rls: boolean; persistence: string }>(
      "select relrowsecurity as rls, relpersistence as persistence from pg_class where oid = 'private.rate_buckets'::regclass",
    );
    expect(table).toEqual({ rls: true, persistence: "u" });
    const user = await f.createUser(db.conn, { role: "vp" });
    for (const actor of ["anon" as const, { claims: user.claims }]) {
      for (const statement of [
        sql`select * from private.rate_buckets`,
        sql`insert into private.rate_buckets (bucket, fill, refilled_at) values ('x', 30, now())`,
        sql`update private.rate_buckets set fill = 30`,
        sql`delete from private.rate_buckets`,
        sql`select * from private.take_rate_tokens(array['x'], array[1], 1000, 1000)`,
        sql`select * from private.record_referral_clicks('[]'::jsonb, 1000, 1000)`,
      ]) {
        const result = await attempt(db.conn, actor, (tx) => tx.execute(statement));
        expect(result.ok).toBe(false);
        expect(result.error?.code).toBe("42501");
      }
    }
  });

  test("a bucket holds 30 tokens, refills at 5 a second and says when the next one comes", async () => {
    // Real time passes between the statements (5 tokens a second): a slow machine may see one or two more.
    const about = (granted: number) => ({ granted: expect.toSatisfy((g: number) => g >= granted && g <= granted + 2), retryAfter: 1 });
    expect(await take(db.conn, "t:refill", 25)).toEqual({ granted: 25, retryAfter: 0 });
    expect(await take(db.conn, "t:refill", 10)).toEqual(about(5));
    const empty = await take(db.conn, "t:refill", 10);
    expect(empty.granted).toBeLessThanOrEqual(2);
    expect(empty.retryAfter).toBe(1);
    await db.conn.query("update private.rate_buckets set refilled_at = refilled_at - interval '1 second' where bucket = 't:refill'");
    expect(await take(db.conn, "t:refill", 10)).toEqual(about(5));
    await db.conn.query("update private.rate_buckets set refilled_at = refilled_at - interval '1 hour' where bucket = 't:refill'");
    expect(await take(db.conn, "t:refill", 100)).toEqual({ granted: 30, retryAfter: 1 });
    expect(await take(db.conn, "t:other", 1)).toEqual({ granted: 1, retryAfter: 0 });
  });

  test("housekeeping drops buckets idle for ten minutes (full again by then) and keeps the others", async () => {
    await take(db.conn, "t:idle", 1);
    await take(db.conn, "t:busy", 1);
    await db.conn.query("update private.rate_buckets set refilled_at = now() - interval '11 minutes' where bucket = 't:idle'");
    await withSystem("cron.prune-rate-limits", (tx) => pruneRateLimits(tx), db.conn);
    const left = await db.conn.query<{ bucket: string }>("select bucket from private.rate_buckets order by 1");
    expect(left.map((r) => r.bucket)).toEqual(["t:busy"]);
  });

  test("two app instances, each with its own queue and connection, take from one bucket", async () => {
    const second = db.url ? await openConnection({ url: db.url, maxConnections: 4 }) : db.conn;
    try {
      const a = createClickQueue({ connection: async () => db.conn, spool: fileSpool(spoolDir("shared-a")) });
      const b = createClickQueue({ connection: async () => second, spool: fileSpool(spoolDir("shared-b")) });
      const requests = Array.from({ length: 25 }, () => [visit("r:shared"), visit("r:shared")] as const);
      const outcomes = await Promise.all(requests.flatMap(([x, y]) => [a.submit(x), b.submit(y)]));
      const granted = outcomes.filter((o) => o.granted);
      expect(granted).toHaveLength(30);
      expect(outcomes.filter((o) => !o.granted).every((o) => o.retryAfter >= 1 && o.stored === "none")).toBe(true);
      expect(granted.every((o) => o.stored === "database")).toBe(true);
      // Only the requests that got a token have a click.
      const hashes = requests.flatMap(([x, y]) => [x.click!.visitorHash, y.click!.visitorHash]);
      expect(await countOf(hashes)).toBe(30);
      expect(a.stats().recorded + b.stats().recorded).toBe(30);
    } finally {
      if (second !== db.conn) await second.close();
    }
  });
});

describe("group commit", () => {
  test("every click is committed before its answer, and drain waits for all of them", async () => {
    const queue = createClickQueue({ connection: async () => db.conn, spool: fileSpool(spoolDir("drain")) });
    const requests = Array.from({ length: 1_500 }, () => visit());
    const answered = requests.map((r) => queue.submit(r));
    await queue.drain();
    expect(queue.stats()).toMatchObject({ pending: 0, inFlight: 0, recorded: 1_500, spooled: 0, lost: 0 });
    expect((await Promise.all(answered)).every((o) => o.granted && o.stored === "database")).toBe(true);
    expect(await countOf(requests.map((r) => r.click!.visitorHash))).toBe(1_500);
  });

  test("a batch the database refuses goes to the spool, is let through, and is replayed once the database answers", async () => {
    const broken = await refusedConnection();
    const spool = fileSpool(spoolDir("outage"));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const down = createClickQueue({ connection: async () => broken, spool, replayEveryMs: null });
    const requests = Array.from({ length: 5 }, () => visit("r:outage"));
    const outcomes = await Promise.all(requests.map((r) => down.submit(r)));
    // While the pause lasts, the next batch does not even try the database.
    const later = visit("r:outage");
    expect(await down.submit(later)).toEqual({ granted: true, retryAfter: 0, stored: "spool" });
    errors.mockRestore();
    await broken.close();
    expect(outcomes.every((o) => o.granted && o.stored === "spool")).toBe(true);
    expect(down.stats()).toMatchObject({ recorded: 0, spooled: 6, lost: 0, failedBatches: 1 });
    expect(await spool.size()).toBe(2);
    const hashes = [...requests, later].map((r) => r.click!.visitorHash);
    expect(await countOf(hashes)).toBe(0);

    // The next start of the app (or the same queue once the database is back) replays the spool.
    const up = createClickQueue({ connection: async () => db.conn, spool });
    expect(await up.replaySpool()).toBe(0);
    expect(up.stats().replayed).toBe(6);
    expect(await countOf(hashes)).toBe(6);
    // A second replay of the same clicks (a crash between insert and delete) adds nothing.
    await spool.append(requests.map((r) => r.click!));
    await up.replaySpool();
    expect(await countOf(hashes)).toBe(6);
  });

  test("a database that does not answer holds a redirect no longer than the deadline", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const hung = await openConnection({ url: `postgres://nobody@127.0.0.1:${port}/none`, maxConnections: 1 });
    const spool = fileSpool(spoolDir("hung"));
    const queue = createClickQueue({ connection: async () => hung, spool, deadlineMs: 200, replayEveryMs: null });
    try {
      const started = performance.now();
      const request = visit("r:hung");
      expect(await queue.submit(request)).toEqual({ granted: true, retryAfter: 0, stored: "spool" });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(await spool.size()).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await hung.close().catch(() => undefined);
    }
    const up = createClickQueue({ connection: async () => db.conn, spool });
    await up.replaySpool();
    expect(up.stats().replayed).toBe(1);
  });

  test("a click neither the database nor the spool could take is counted and logged, never dropped silently", async () => {
    const broken = await refusedConnection();
    const blocker = path.join(tmp, "not-a-folder");
    await fs.writeFile(blocker, "");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const queue = createClickQueue({ connection: async () => broken, spool: fileSpool(path.join(blocker, "spool")) });
    const outcome = await queue.submit(visit("r:lost"));
    await broken.close();
    const logged = errors.mock.calls.map((c) => String(c[0]));
    errors.mockRestore();
    // The visitor still reaches the page; the loss is in the stats and the log.
    expect(outcome).toEqual({ granted: true, retryAfter: 0, stored: "lost" });
    expect(queue.stats()).toMatchObject({ spooled: 0, lost: 1 });
    expect(logged.some((m) => m.includes("1 clicks could be neither recorded nor spooled"))).toBe(true);
  });
});
