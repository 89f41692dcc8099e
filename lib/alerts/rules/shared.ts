import { sql, type SQL } from "drizzle-orm";
import { minorDigits } from "@/lib/money";
import type { RuleContext } from "../types";

/**
 * A list of ids as one array parameter: a deal-change evaluation may name thousands of deals, more
 * than a statement's parameter limit if each id were its own parameter.
 */
export const uuidArray = (ids: readonly string[]) => sql`string_to_array(${ids.join(",")}, ',')::uuid[]`;

/** `and <column> = any(ids)` when the evaluation follows a change to some deals, else nothing. */
export function onlyDeals(column: SQL, ctx: RuleContext<unknown>): SQL {
  return ctx.opportunityIds ? sql` and ${column} = any(${uuidArray(ctx.opportunityIds)})` : sql``;
}

/** Active VPs: the recipients of team-wide conditions. */
export const ACTIVE_VPS = sql`select v.id from public.profiles v where v.role = 'vp' and v.deactivated_at is null`;

export const dealLink = (id: string) => `/pipeline?opportunity=${id}`;

export const dealName = (row: { customer_name: string; title: string | null }) =>
  row.title ? `${row.customer_name} · ${row.title}` : row.customer_name;

const FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * `formatMoney` with the formatter kept per currency: a full evaluation formats thousands of amounts, and
 * building an Intl formatter each time costs most of the rule's time.
 */
export function money(amountMinor: string | number, currency: string): string {
  let format = FORMATS.get(currency);
  if (!format) {
    const digits = minorDigits(currency);
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    FORMATS.set(currency, format);
  }
  return format.format(Number(amountMinor) / 10 ** minorDigits(currency));
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Epoch milliseconds as text: part of a dedupe key that names the state behind a condition. */
export const epochKey = (column: SQL) => sql`((extract(epoch from ${column}) * 1000)::bigint)::text`;
