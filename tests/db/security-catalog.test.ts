import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rows, runAsUser, withSystem } from "@/lib/db/session";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("catalog guarantees", () => {
  test("every table in public has RLS enabled and at least one policy", async () => {
    const tables = await db.conn.query<{ relname: string; rls: boolean; policies: number }>(`
      select c.relname, c.relrowsecurity as rls,
             (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by 1`);
    expect(tables.length).toBeGreaterThanOrEqual(16);
    for (const t of tables) {
      expect({ table: t.relname, rls: t.rls }).toEqual({ table: t.relname, rls: true });
      expect(Number(t.policies), `${t.relname} has no policy`).toBeGreaterThan(0);
    }
  });

  test("no policy is a blanket `using (true)`", async () => {
    const blanket = await db.conn.query<{ policyname: string }>(
      `select policyname from pg_policies where schemaname = 'public' and (qual = 'true' or with_check = 'true')`,
    );
    expect(blanket).toEqual([]);
  });

  // Logged-out visitors' only entry points: each answers one public question (the program's offer,
  // a referral link's destination, one shared document by its token) and nothing else.
  const ANON_ENTRY_POINTS = [
    "private.open_shared_fill",
    "private.public_program",
    "private.public_program_tiers",
    "private.resolve_referral_link",
  ];

  test("no security-definer function is executable by public, nor by anon beyond the named public entry points", async () => {
    const exposed = await db.conn.query<{ fn: string }>(`
      select n.nspname || '.' || p.proname as fn
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname in ('public', 'private')
        and (has_function_privilege('anon', p.oid, 'execute')
             or exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'))
      order by 1`);
    const toPublic = await db.conn.query<{ fn: string }>(`
      select n.nspname || '.' || p.proname as fn
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname in ('public', 'private')
        and exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE')`);
    expect(toPublic).toEqual([]);
    expect(exposed.map((e) => e.fn)).toEqual(ANON_ENTRY_POINTS);
  });

  test("security-definer functions pin their search_path", async () => {
    const unpinned = await db.conn.query<{ proname: string }>(`
      select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname in ('public', 'private')
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`);
    expect(unpinned).toEqual([]);
  });
});

describe("audit log", () => {
  test("records the user from the claims and the job name from system work", async () => {
    const vp = await f.createUser(db.conn, { role: "vp" });
    const partner = await withSystem("test.audit-job", (tx) => rows<{ id: string }>(tx, sql`insert into public.partners (name, slug, kind) values ('Audited', 'audited', 'isv') returning id`), db.conn);
    const id = partner[0]!.id;
    await runAsUser(db.conn, vp.claims, (tx) => tx.execute(sql`update public.partners set description = 'by vp' where id = ${id}`));
    const entries = await db.conn.query<{ action: string; actor_id: string | null; actor_label: string | null; before: unknown; after: { description: string } }>(
      "select action, actor_id, actor_label, before, after from public.audit_log where entity = 'partners' and entity_id = $1 order by id",
      [id],
    );
    expect(entries.map((e) => [e.action, e.actor_id, e.actor_label])).toEqual([
      ["insert", null, "job:test.audit-job"],
      ["update", vp.id, vp.email],
    ]);
    expect(entries[1]!.after.description).toBe("by vp");
  });

  test.each(["vp", "finance", "sales_manager", "partnership_manager", "partner"] as const)("%s cannot update or delete audit entries", async (role) => {
    const partner = await f.createPartner(db.conn);
    const user = await f.createUser(db.conn, { role, partnerId: partner.id });
    for (const statement of [sql`update public.audit_log set entity = 'x'`, sql`delete from public.audit_log`]) {
      const r = await attempt(db.conn, { claims: user.claims }, (tx) => tx.execute(statement));
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe("42501");
    }
  });

  test("even the table owner cannot rewrite or truncate history", async () => {
    await f.createPartner(db.conn);
    for (const statement of ["update public.audit_log set entity = 'x'", "delete from public.audit_log", "truncate public.audit_log"]) {
      await expect(db.conn.query(statement)).rejects.toThrow(/append-only/);
    }
  });
});
