import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rows } from "@/lib/db/session";
import { seedDemo } from "@/lib/seed/demo";
import { attempt, type Actor, type Attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { FILL_EMPTY, INTENDED, ROLES, type Role, type Write } from "./rls-forbidden-intended";

// Every write the app never makes is refused by the database: for each table in the catalog, each role and
// each of insert/update/delete (update per column) that INTENDED does not list, the attempt as the real role
// ends in "permission denied", an RLS or rule violation (42501/P0001), or touches no row.

interface Table {
  name: string;
  columns: string[];
  grants: Record<"anon" | "authenticated", { insert: Set<string>; update: Set<string> }>;
  /** Columns that reference profiles or partners, set to the actor's own ids in an insert. */
  refs: Map<string, "profiles" | "partners">;
  sample: Record<string, unknown> | null;
  values: Record<string, unknown>;
}

let db: TestDatabase;
let tables: Table[] = [];
const actors = {} as Record<Role, { actor: Actor; id: string | null; partnerId: string | null }>;

const q = <T>(text: string, params: unknown[] = []) => db.conn.query<T>(text, params);
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function loadTable(name: string): Promise<Table> {
  // Identity and generated columns are written by nobody (Postgres refuses before any privilege check).
  const columns = (await q<{ c: string }>(
    `select column_name as c from information_schema.columns where table_schema = 'public' and table_name = $1
       and not (is_identity = 'YES' and identity_generation = 'ALWAYS') and is_generated <> 'ALWAYS'
     order by ordinal_position`,
    [name],
  )).map((r) => r.c);
  const privileges = await q<{ grantee: "anon" | "authenticated"; p: string; c: string }>(
    `select grantee, privilege_type as p, column_name as c from information_schema.column_privileges
     where table_schema = 'public' and table_name = $1 and grantee in ('anon', 'authenticated') and privilege_type in ('INSERT', 'UPDATE')`,
    [name],
  );
  const grants = { anon: { insert: new Set<string>(), update: new Set<string>() }, authenticated: { insert: new Set<string>(), update: new Set<string>() } };
  for (const p of privileges) grants[p.grantee][p.p === "INSERT" ? "insert" : "update"].add(p.c);
  const refs = await q<{ c: string; target: "profiles" | "partners" }>(
    `select a.attname as c, t.relname as target from pg_constraint k
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
       join pg_class t on t.oid = k.confrelid
     where k.contype = 'f' and k.conrelid = $1::regclass and cardinality(k.conkey) = 1 and t.relname in ('profiles', 'partners')`,
    [`public.${name}`],
  );
  const [sample] = await q<{ row: Record<string, unknown> }>(`select to_jsonb(t) as row from public.${ident(name)} t limit 1`);
  const values: Record<string, unknown> = {};
  for (const c of columns) {
    // The rarest value, so that setting it changes as many rows as possible.
    const [v] = await q<{ v: unknown }>(
      `select to_jsonb(t.${ident(c)}) as v from public.${ident(name)} t where t.${ident(c)} is not null group by 1 order by count(*), 1 limit 1`,
    );
    values[c] = v ? v.v : null;
  }
  return { name, columns, grants, refs: new Map(refs.map((r) => [r.c, r.target])), sample: sample?.row ?? null, values };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.conn, { now: new Date("2026-11-20T12:00:00Z") });
  const [partner] = await q<{ id: string }>("select id from public.partners where kind = 'program' order by name limit 1");
  for (const role of ROLES) {
    if (role === "anon") {
      actors.anon = { actor: "anon", id: null, partnerId: null };
      continue;
    }
    const user = await f.createUser(db.conn, { role: role === "deactivated" ? "vp" : role, partnerId: partner!.id });
    actors[role] = { actor: { claims: user.claims }, id: user.id, partnerId: role === "partner" ? partner!.id : null };
  }
  await q("update public.profiles set deactivated_at = now() where id = $1", [actors.deactivated.id]);
  for (const fill of FILL_EMPTY) await q(fill);
  const names = await q<{ relname: string }>(
    "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1",
  );
  tables = [];
  for (const { relname } of names) tables.push(await loadTable(relname));
}, 240_000);

afterAll(async () => db?.close());

const refusedCodes = new Set(["42501", "P0001"]);
function refusal(r: Attempt<number>): string | null {
  if (!r.ok) return refusedCodes.has(r.error?.code ?? "") ? null : `failed with ${r.error?.code}: ${r.error?.message}`;
  return r.value === 0 ? null : `${r.value} row(s) written`;
}

async function tryInsert(table: Table, role: Role): Promise<string | null> {
  const who = actors[role];
  const granted = table.grants[role === "anon" ? "anon" : "authenticated"].insert;
  const row: Record<string, unknown> = { ...table.sample };
  for (const [column, target] of table.refs) {
    if (target === "profiles" && who.id) row[column] = who.id;
    if (target === "partners" && who.partnerId) row[column] = who.partnerId;
  }
  const columns = table.columns.filter((c) => granted.has(c));
  const statement =
    columns.length === 0
      ? sql.raw(`insert into public.${ident(table.name)} default values returning 1`)
      : sql`insert into ${sql.raw(`public.${ident(table.name)}`)} (${sql.raw(columns.map(ident).join(", "))})
          select ${sql.raw(columns.map((c) => `r.${ident(c)}`).join(", "))}
          from jsonb_populate_record(null::${sql.raw(`public.${ident(table.name)}`)}, ${JSON.stringify(row)}::jsonb) r returning 1`;
  return refusal(await attempt(db.conn, who.actor, async (tx) => (await rows(tx, statement)).length));
}

async function tryUpdate(table: Table, role: Role, column: string): Promise<string | null> {
  const target = sql.raw(`public.${ident(table.name)}`);
  const c = sql.raw(ident(column));
  const value = sql`(jsonb_populate_record(null::${target}, ${JSON.stringify({ [column]: table.values[column] })}::jsonb)).${c}`;
  const run = (statement: ReturnType<typeof sql>) =>
    attempt(db.conn, actors[role].actor, async (tx) => (await rows(tx, statement)).length);
  // Every row the role may reach gets a value another row really has; if rows were written, they count
  // only when the value changed (a no-op write proves nothing either way).
  const problem = refusal(await run(sql`update ${target} set ${c} = ${value} returning 1`));
  if (!problem) return null;
  return refusal(await run(sql`update ${target} set ${c} = ${value} where ${c} is distinct from ${value} returning 1`)) && problem;
}

async function tryDelete(table: Table, role: Role): Promise<string | null> {
  const statement = sql`delete from ${sql.raw(`public.${ident(table.name)}`)} returning 1`;
  return refusal(await attempt(db.conn, actors[role].actor, async (tx) => (await rows(tx, statement)).length));
}

test("the intended list covers exactly the tables in the catalog", () => {
  expect(Object.keys(INTENDED).sort()).toEqual(tables.map((t) => t.name));
});

test("every table has rows to attempt writes on", () => {
  expect(tables.filter((t) => t.sample === null).map((t) => t.name)).toEqual([]);
});

test("every table refuses deactivated users through the restrictive policy", async () => {
  const guarded = await q<{ tablename: string }>(
    "select tablename from pg_policies where schemaname = 'public' and policyname = 'active users only' and permissive = 'RESTRICTIVE' and cmd = 'ALL'",
  );
  expect(guarded.map((g) => g.tablename).sort()).toEqual(tables.map((t) => t.name));
});

test("update grants are no wider than the intended columns (where every role's columns are listed)", () => {
  const wider: string[] = [];
  for (const table of tables) {
    const entries = Object.values(INTENDED[table.name] ?? {});
    if (entries.some((e) => e.update === true)) continue;
    const intended = new Set(entries.flatMap((e) => (Array.isArray(e.update) ? e.update : [])));
    const extra = [...table.grants.authenticated.update].filter((c) => !intended.has(c) && table.columns.includes(c));
    if (extra.length > 0) wider.push(`${table.name}: ${extra.sort().join(", ")}`);
  }
  expect(wider).toEqual([]);
});

describe.each(ROLES)("%s", (role) => {
  test.each([...Object.keys(INTENDED)].sort())("%s: writes outside the intended list are refused", async (name) => {
    const table = tables.find((t) => t.name === name);
    expect(table, `${name} is not a table`).toBeDefined();
    const intended = INTENDED[name]?.[role] ?? {};
    const problems: string[] = [];
    const check = async (write: Write, outcome: Promise<string | null>, column?: string) => {
      const problem = await outcome;
      if (problem) problems.push(`${write}${column ? ` ${column}` : ""}: ${problem}`);
    };
    if (!intended.insert) await check("insert", tryInsert(table!, role));
    if (intended.update !== true) {
      const allowed = new Set(intended.update ?? []);
      for (const column of table!.columns.filter((c) => !allowed.has(c))) await check("update", tryUpdate(table!, role, column), column);
    }
    if (!intended.delete) await check("delete", tryDelete(table!, role));
    expect(problems).toEqual([]);
  });
});
