import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { rows } from "@/lib/db/session";
import { attempt, type Actor } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

type Role = "vp" | "sales_manager" | "partnership_manager" | "finance" | "partner" | "anon";
const ROLES: Role[] = ["vp", "sales_manager", "partnership_manager", "finance", "partner", "anon"];
const SENSITIVE_NAME = /token|secret|hash|cipher|tax|tin|iban|account_number|routing|password/;
const REDACTED = "[redacted]";

// Values that exist only in hidden columns: none may appear in anything a role reads from the log.
const SECRETS = {
  legalName: "Sentinel Legal Name GmbH",
  address: "1 Sentinel Street, Berlin",
  tinLast4: "9137",
  tinCiphertext: "v1.sentinel-tin.cipher.text",
  accountCiphertext: "v1.sentinel-bank.cipher.text",
  shareToken: "sentinelsharetoken0123456789abcdefXYZ",
  savedViewQuery: "owner=sentinel-private-query",
};

let db: TestDatabase;
let users: Record<Exclude<Role, "anon">, f.TestUser>;

beforeAll(async () => {
  db = await createTestDatabase();
  const c = db.conn;
  const partner = await f.createPartner(c);
  users = {
    vp: await f.createUser(c, { role: "vp" }),
    sales_manager: await f.createUser(c, { role: "sales_manager" }),
    partnership_manager: await f.createUser(c, { role: "partnership_manager" }),
    finance: await f.createUser(c, { role: "finance" }),
    partner: await f.createUser(c, { role: "partner", partnerId: partner.id }),
  };
  await writeHiddenRows(c, partner.id, users.sales_manager.id, users.vp.id);
});
afterAll(async () => db?.close());

/** One row in every table that hides columns or rows from some reader of the log, each inserted and then updated. */
async function writeHiddenRows(c: TestDatabase["conn"], partnerId: string, salesId: string, vpId: string) {
  const [tax] = await c.query<{ id: string }>(
    `insert into public.partner_tax_details (partner_id, form, legal_name, tax_classification, country, address, tin_last4, tin_ciphertext, signed_name)
     values ($1, 'w8ben', $2, 'corporation', 'DE', $3, $4, $5, 'Signer') returning id`,
    [partnerId, SECRETS.legalName, SECRETS.address, SECRETS.tinLast4, SECRETS.tinCiphertext],
  );
  await c.query("update public.partner_tax_details set signed_name = 'Signer Two' where id = $1", [tax!.id]);
  await c.query(
    `insert into public.partner_payout_methods (partner_id, kind, account_holder, account_last4, account_ciphertext)
     values ($1, 'bank_transfer', 'Holder', '4321', $2)`,
    [partnerId, SECRETS.accountCiphertext],
  );
  await c.query("update public.partner_payout_methods set account_holder = 'Holder Two' where partner_id = $1", [partnerId]);
  const [view] = await c.query<{ id: string }>(
    "insert into public.saved_views (owner_id, name, query) values ($1, 'Mine', $2) returning id",
    [salesId, SECRETS.savedViewQuery],
  );
  await c.query("update public.saved_views set name = 'Mine too' where id = $1", [view!.id]);
  const invitation = await f.createInvitation(c, vpId);
  await c.query("update public.invitations set role = 'sales_manager' where id = $1", [invitation.id]);
  const [fill] = await c.query<{ id: string }>(
    "insert into public.template_fills (template_slug, template_origin, title, created_by) values ('qbr', 'library', 'QBR', $1) returning id",
    [vpId],
  );
  await c.query("insert into public.template_share_links (fill_id, token, created_by) values ($1, $2, $3)", [fill!.id, SECRETS.shareToken, vpId]);
  await c.query("update public.partners set description = 'audited' where id = $1", [partnerId]);
}

function actorOf(role: Role): Actor {
  return role === "anon" ? "anon" : { claims: users[role].claims };
}

interface Entry {
  entity: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Primary-key columns and the columns `authenticated` / `anon` may select, per audited table, read from the catalog. */
async function catalog() {
  const keys = await db.conn.query<{ entity: string; columns: string[] }>(`
    select c.relname as entity, array_agg(a.attname::text order by a.attnum) as columns
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
    where i.indisprimary and n.nspname = 'public' group by c.relname`);
  const grants = await db.conn.query<{ entity: string; column_name: string; role: string }>(`
    select c.relname as entity, a.attname as column_name, r.role
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace,
      unnest(array['authenticated', 'anon']) as r (role)
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and has_column_privilege(r.role, c.oid, a.attnum, 'select')`);
  const readable = new Set(grants.map((g) => `${g.role}:${g.entity}.${g.column_name}`));
  return { keys: new Map(keys.map((k) => [k.entity, k.columns])), readable };
}

/** Every value the role reads from the log that the table's own grants or policies would not show it. */
async function leaksFor(role: Role): Promise<string[]> {
  const { keys, readable } = await catalog();
  const dbRole = role === "anon" ? "anon" : "authenticated";
  const result = await attempt(db.conn, actorOf(role), async (tx) => {
    const entries = await rows<Entry>(tx, sql`select entity, before, after from public.audit_log`);
    const leaks: string[] = [];
    for (const entry of entries) {
      const pk = keys.get(entry.entity) ?? ["id"];
      const image = entry.after ?? entry.before ?? {};
      const match = sql.join(pk.map((k) => sql`${sql.identifier(k)}::text = ${String(image[k])}`), sql` and `);
      const [visible] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier("public")}.${sql.identifier(entry.entity)} where ${match}`);
      for (const [key, value] of Object.entries({ ...entry.before, ...entry.after })) {
        if (value === REDACTED || pk.includes(key)) continue;
        if (!visible!.n) leaks.push(`${entry.entity}.${key} of a row the ${role} cannot read`);
        else if (!readable.has(`${dbRole}:${entry.entity}.${key}`)) leaks.push(`${entry.entity}.${key}, a column the ${role} cannot select`);
      }
    }
    return { leaks, text: JSON.stringify(entries) };
  });
  // A role that may not read the log at all leaks nothing through it.
  if (!result.ok) return [];
  const leaked = Object.values(SECRETS).filter((s) => result.value!.text.includes(s));
  return [...result.value!.leaks, ...leaked.map((s) => `the value ${s}`)];
}

describe("audit log redaction", () => {
  test("the VP reads the log, so the fixture covers every hiding table", async () => {
    const r = await attempt(db.conn, actorOf("vp"), (tx) =>
      rows<{ entity: string }>(tx, sql`select distinct entity from public.audit_log order by entity`),
    );
    expect(r.value?.map((e) => e.entity)).toEqual(
      expect.arrayContaining(["invitations", "partner_payout_methods", "partner_tax_details", "saved_views", "template_share_links"]),
    );
  });

  test.each(ROLES)("as %s, nothing a table's policies or grants hide is readable through audit_log", async (role) => {
    expect(await leaksFor(role)).toEqual([]);
  });

  test("the VP still sees who changed tax details and which fields, never the values", async () => {
    const r = await attempt(db.conn, actorOf("vp"), (tx) =>
      rows<Entry & { action: string }>(tx, sql`select action, entity, before, after from public.audit_log where entity = 'partner_tax_details' order by id`),
    );
    expect(r.value?.map((e) => e.action)).toEqual(["insert", "update"]);
    expect(r.value![1]!.after).toMatchObject({ legal_name: REDACTED, tin_last4: REDACTED, tin_ciphertext: REDACTED, signed_name: REDACTED });
  });

  test("every column whose name looks secret, in any public or private table, is declared in the redaction list", async () => {
    const columns = await db.conn.query<{ entity: string; column_name: string }>(`
      select c.relname as entity, a.attname as column_name
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'private') and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`);
    const declared = await db.conn.query<{ entity: string; column_name: string }>("select entity, column_name from private.audit_redactions");
    const isDeclared = (e: string, col: string) => declared.some((d) => d.entity === e && (d.column_name === col || d.column_name === "*"));
    const looksSecret = columns.filter((c) => SENSITIVE_NAME.test(c.column_name) && c.entity !== "audit_redactions");
    expect(looksSecret.length).toBeGreaterThan(5);
    expect(looksSecret.filter((c) => !isDeclared(c.entity, c.column_name)).map((c) => `${c.entity}.${c.column_name}`)).toEqual([]);
  });
});

describe("entries written before the redaction migration", () => {
  let old: TestDatabase;
  afterAll(async () => old?.close());

  test("are redacted in place by the migration, and the log is append-only again afterwards", async () => {
    const all = await readMigrations();
    old = await createTestDatabase({ migrations: all.filter((m) => m.version < "20260111000200") });
    const partner = await f.createPartner(old.conn);
    await old.conn.query(
      `insert into public.partner_tax_details (partner_id, form, legal_name, country, address, tin_last4, tin_ciphertext, signed_name)
       values ($1, 'w9', $2, 'US', $3, $4, $5, 'Signer')`,
      [partner.id, SECRETS.legalName, SECRETS.address, SECRETS.tinLast4, SECRETS.tinCiphertext],
    );
    const logText = async () => JSON.stringify(await old.conn.query("select before, after from public.audit_log"));
    expect(await logText()).toContain(SECRETS.tinCiphertext);

    await migrate(old.conn, all);
    const text = await logText();
    for (const secret of [SECRETS.legalName, SECRETS.address, SECRETS.tinCiphertext]) expect(text).not.toContain(secret);
    expect(text).toContain(REDACTED);
    await expect(old.conn.query("update public.audit_log set entity = 'x'")).rejects.toThrow(/append-only/);
  });
});
