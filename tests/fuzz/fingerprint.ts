import type postgres from "postgres";

/**
 * Tables whose rows legitimately change when input is refused, so they are left out of the fingerprint:
 * rate-limit counters (a refused login or application still counts against its address) and the shared burst
 * buckets of `/r/` (a request for an unknown link still takes its address's token).
 */
export const EXCLUDED_TABLES = ["private.rate_limits", "private.rate_buckets"] as const;

export interface Fingerprinter {
  take(): Promise<string>;
  audited: number;
  hashed: string[];
}

/**
 * A cheap picture of the data: the newest audit id (triggers audit every business table) plus a row hash of
 * the few tables without an audit trigger. The snapshot's next transaction id is read first: when no
 * transaction wrote anything since the last picture, nothing can have changed and the hashes are skipped.
 */
export async function fingerprinter(db: postgres.Sql): Promise<Fingerprinter> {
  const tables = await db<{ name: string; audited: boolean }[]>`
    select format('%I.%I', n.nspname, c.relname) as name,
           exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                   where t.tgrelid = c.oid and p.proname = 'audit_row') as audited
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname in ('public', 'private', 'auth')`;
  const hashed = tables
    .filter((t) => !t.audited && !(EXCLUDED_TABLES as readonly string[]).includes(t.name))
    .map((t) => t.name)
    .sort();
  let lastXid = "";
  let last = "";
  async function full(): Promise<string> {
    const [audit] = await db<{ max: string | null }[]>`select max(id)::text as max from public.audit_log`;
    const parts = [`audit:${audit?.max ?? 0}`];
    for (const name of hashed) {
      if (name === "public.audit_log") continue;
      const [row] = await db.unsafe<{ n: string; h: string }[]>(
        `select count(*)::text as n, coalesce(sum(hashtext(t::text)::bigint), 0)::text as h from ${name} t`,
      );
      parts.push(`${name}:${row?.n}:${row?.h}`);
    }
    return parts.join("|");
  }
  return {
    audited: tables.filter((t) => t.audited).length,
    hashed,
    async take() {
      const [snap] = await db<{ xmax: string }[]>`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`;
      if (snap && snap.xmax === lastXid && last) return last;
      last = await full();
      lastXid = snap?.xmax ?? "";
      return last;
    },
  };
}
