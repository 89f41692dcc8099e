import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import type { CommissionStatus } from "@/lib/commissions/types";
import { loadFx } from "./persist";
import {
  addAmount,
  convertTotals,
  sumAmounts,
  summarizeForecast,
  summarizeStatement,
  type LineAggregate,
  type ReceiptAggregate,
} from "@/lib/commissions/statement-math";
import { forecastMonths, type Direction, type Period } from "@/lib/commissions/statement-periods";

export interface StatementFilter {
  period: Period;
  partnerId?: string;
  direction?: Direction;
}

/** Big sums travel as text so no driver turns them into floats; they must fit a safe integer. */
function toInt(value: string | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of the safe integer range: ${value}`);
  return n;
}

function lineConditions(filter: { partnerId?: string; direction?: Direction }): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.partnerId) parts.push(sql`l.partner_id = ${filter.partnerId}`);
  if (filter.direction) parts.push(sql`l.direction = ${filter.direction}`);
  return sql.join(parts, sql` and `);
}

/** Partners with an agreement, for the partner picker; `kind` tells ISV vendors from program partners. */
export async function listStatementPartners(tx: Tx) {
  return rows<{ id: string; name: string; kind: "isv" | "program" | "isv_and_program" }>(
    tx,
    sql`select p.id, p.name, p.kind from public.partners p
      where exists (select 1 from public.agreements a where a.partner_id = p.id) order by p.name, p.id`,
  );
}

export type StatementPartner = Awaited<ReturnType<typeof listStatementPartners>>[number];

export interface StatementLine {
  id: string;
  partnerId: string;
  partnerName: string;
  direction: Direction;
  opportunityId: string;
  customerName: string;
  dealTitle: string | null;
  label: string;
  kind: string;
  status: CommissionStatus;
  dueDate: string;
  amountMinor: number;
  currency: string;
}

/**
 * Lines past forecast due in the period that the caller may see, ordered by partner and due date. With
 * `perPartnerLimit`, each partner and direction keeps its first lines only; `total` still counts them all.
 */
export async function listStatementLines(tx: Tx, filter: StatementFilter, perPartnerLimit?: number) {
  const found = await rows<
    Omit<StatementLine, "amountMinor"> & { amountMinor: string; n: string | number; total: string | number }
  >(
    tx,
    sql`select * from (
      select l.id, l.partner_id as "partnerId", p.name as "partnerName", l.direction, l.opportunity_id as "opportunityId",
        o.customer_name as "customerName", o.title as "dealTitle", l.label, l.kind, l.status, l.due_date::text as "dueDate",
        l.amount_minor::text as "amountMinor", l.currency,
        row_number() over (partition by l.partner_id, l.direction order by l.due_date, l.line_key) as n,
        count(*) over (partition by l.partner_id, l.direction) as total
      from public.commission_lines l
        join public.partners p on p.id = l.partner_id
        join public.opportunities o on o.id = l.opportunity_id
      where l.status <> 'forecast' and l.due_date between ${filter.period.start} and ${filter.period.end}
        and ${lineConditions(filter)}
    ) x where ${perPartnerLimit ? sql`x.n <= ${perPartnerLimit}` : sql`true`}
    order by x."partnerName", x."partnerId", x.direction, x.n`,
  );
  return found.map(({ n: _n, total, ...line }) => ({
    ...line,
    amountMinor: toInt(line.amountMinor),
    total: toInt(total),
  }));
}

async function lineAggregates(tx: Tx, filter: StatementFilter): Promise<LineAggregate[]> {
  const found = await rows<Omit<LineAggregate, "amountMinor"> & { amountMinor: string }>(
    tx,
    sql`select l.partner_id as "partnerId", p.name as "partnerName", l.direction, l.kind, l.status, l.currency,
        sum(l.amount_minor)::text as "amountMinor"
      from public.commission_lines l join public.partners p on p.id = l.partner_id
      where l.status <> 'forecast' and l.due_date between ${filter.period.start} and ${filter.period.end}
        and ${lineConditions(filter)}
      group by l.partner_id, p.name, l.direction, l.kind, l.status, l.currency`,
  );
  return found.map((r) => ({ ...r, amountMinor: toInt(r.amountMinor) }));
}

async function receiptAggregates(tx: Tx, filter: StatementFilter): Promise<ReceiptAggregate[]> {
  const found = await rows<Omit<ReceiptAggregate, "amountMinor"> & { amountMinor: string }>(
    tx,
    sql`select r.partner_id as "partnerId", p.name as "partnerName", r.currency, sum(r.amount_minor)::text as "amountMinor"
      from public.commission_receipts r join public.partners p on p.id = r.partner_id
      where r.received_on between ${filter.period.start} and ${filter.period.end}
        ${filter.partnerId ? sql`and r.partner_id = ${filter.partnerId}` : sql``}
      group by r.partner_id, p.name, r.currency`,
  );
  return found.map((r) => ({ ...r, amountMinor: toInt(r.amountMinor) }));
}

const LINES_SHOWN = 100;

/**
 * The statement of a period: receivable (expected vs received per ISV vendor) and payable (owed, clawbacks,
 * paid per program partner), per currency, with section totals converted to USD at the latest rate on or
 * before the period's last day. Receipts are read only when `receiptsVisible` (finance and the VP).
 */
export async function getStatement(tx: Tx, filter: StatementFilter & { receiptsVisible: boolean }) {
  const withReceipts = filter.receiptsVisible && filter.direction !== "payable";
  const [aggregates, receipts, lines, rates] = [
    await lineAggregates(tx, filter),
    withReceipts ? await receiptAggregates(tx, filter) : [],
    await listStatementLines(tx, filter, LINES_SHOWN),
    await loadFx(tx),
  ];
  const { receivable, payable } = summarizeStatement(aggregates, receipts);
  const linesOf = (partnerId: string, direction: Direction) => {
    const own = lines.filter((l) => l.partnerId === partnerId && l.direction === direction);
    return { lines: own, lineCount: own[0]?.total ?? 0 };
  };
  const asOf = filter.period.end;
  const convert = (list: Record<string, number>[]) => convertTotals(sumAmounts(list), asOf, rates);
  return {
    period: filter.period,
    receiptsVisible: withReceipts,
    receivable: receivable.map((r) => ({ ...r, ...linesOf(r.partnerId, "receivable") })),
    payable: payable.map((r) => ({ ...r, ...linesOf(r.partnerId, "payable") })),
    totals: {
      expected: convert(receivable.map((r) => r.expected)),
      received: convert(receivable.map((r) => r.received)),
      difference: convert(receivable.map((r) => r.difference)),
      owed: convert(payable.map((r) => r.owed)),
      clawbacks: convert(payable.map((r) => r.clawbacks)),
      net: convert(payable.map((r) => r.net)),
      paid: convert(payable.map((r) => r.paid)),
    },
  };
}

export type Statement = Awaited<ReturnType<typeof getStatement>>;

const probability = sql`coalesce(o.probability, s.probability)`;

/**
 * Commission forecast from the pipeline: forecast lines of open deals due before the end of the 12-month
 * window (earlier ones count as overdue), weighted by the deal's probability or else its stage's; plus earned
 * lines still waiting for approval, converted at `today`'s rate.
 */
export async function getCommissionForecast(
  tx: Tx,
  filter: { today: string; partnerId?: string; direction?: Direction },
) {
  const months = forecastMonths(filter.today);
  const start = months[0]!.start;
  const end = months.at(-1)!.end;
  const [aggregates, earned, rates] = [
    await rows<{
      month: string;
      direction: Direction;
      currency: string;
      amountMinor: string;
      amountTimesPercent: string;
    }>(
      tx,
      sql`select case when l.due_date < ${start} then 'overdue' else to_char(l.due_date, 'YYYY-MM') end as month,
          l.direction, l.currency, sum(l.amount_minor)::text as "amountMinor",
          sum(l.amount_minor * ${probability})::text as "amountTimesPercent"
        from public.commission_lines l
          join public.opportunities o on o.id = l.opportunity_id
          join public.stages s on s.id = o.stage_id
        where l.status = 'forecast' and l.due_date <= ${end} and ${lineConditions(filter)}
        group by 1, l.direction, l.currency`,
    ),
    await rows<{ direction: Direction; currency: string; amountMinor: string }>(
      tx,
      sql`select l.direction, l.currency, sum(l.amount_minor)::text as "amountMinor"
        from public.commission_lines l
        where l.status = 'earned' and ${lineConditions(filter)}
        group by l.direction, l.currency`,
    ),
    await loadFx(tx),
  ];
  const forecast = summarizeForecast(
    aggregates.map((r) => ({
      ...r,
      amountMinor: toInt(r.amountMinor),
      amountTimesPercent: BigInt(r.amountTimesPercent),
    })),
    filter.today,
    rates,
  );
  const awaiting = (direction: Direction) =>
    convertTotals(
      Object.fromEntries(
        earned.filter((e) => e.direction === direction).map((e) => [e.currency, toInt(e.amountMinor)]),
      ),
      filter.today,
      rates,
    );
  return {
    ...forecast,
    today: filter.today,
    awaitingApproval: { receivable: awaiting("receivable"), payable: awaiting("payable") },
  };
}

export type CommissionForecast = Awaited<ReturnType<typeof getCommissionForecast>>;

/** Forecast lines one by one, for the CSV export. */
export async function listForecastLines(
  tx: Tx,
  filter: { today: string; partnerId?: string; direction?: Direction },
) {
  const end = forecastMonths(filter.today).at(-1)!.end;
  const found = await rows<{
    id: string;
    partnerName: string;
    direction: Direction;
    customerName: string;
    dealTitle: string | null;
    stageName: string;
    label: string;
    dueDate: string;
    amountMinor: string;
    currency: string;
    probability: number;
  }>(
    tx,
    sql`select l.id, p.name as "partnerName", l.direction, o.customer_name as "customerName", o.title as "dealTitle",
        s.name as "stageName", l.label, l.due_date::text as "dueDate", l.amount_minor::text as "amountMinor", l.currency,
        ${probability} as probability
      from public.commission_lines l
        join public.partners p on p.id = l.partner_id
        join public.opportunities o on o.id = l.opportunity_id
        join public.stages s on s.id = o.stage_id
      where l.status = 'forecast' and l.due_date <= ${end} and ${lineConditions(filter)}
      order by l.due_date, p.name, l.line_key`,
  );
  return found.map((r) => ({ ...r, amountMinor: toInt(r.amountMinor), probability: Number(r.probability) }));
}

export type ForecastLine = Awaited<ReturnType<typeof listForecastLines>>[number];

/** Payments received from ISV vendors in the period (RLS: finance and the VP), newest first. */
export async function listReceipts(tx: Tx, filter: { period: Period; partnerId?: string }) {
  const found = await rows<{
    id: string;
    partnerName: string;
    receivedOn: string;
    amountMinor: string;
    currency: string;
    reference: string;
    note: string | null;
    customerName: string | null;
    recordedBy: string | null;
  }>(
    tx,
    sql`select r.id, p.name as "partnerName", r.received_on::text as "receivedOn", r.amount_minor::text as "amountMinor",
        r.currency, r.reference, r.note, o.customer_name as "customerName", pr.display_name as "recordedBy"
      from public.commission_receipts r
        join public.partners p on p.id = r.partner_id
        left join public.opportunities o on o.id = r.opportunity_id
        left join public.profiles pr on pr.id = r.recorded_by
      where r.received_on between ${filter.period.start} and ${filter.period.end}
        ${filter.partnerId ? sql`and r.partner_id = ${filter.partnerId}` : sql``}
      order by r.received_on desc, r.created_at desc`,
  );
  return found.map((r) => ({ ...r, amountMinor: toInt(r.amountMinor) }));
}

export type Receipt = Awaited<ReturnType<typeof listReceipts>>[number];

/** Receipts of the period with their per-currency total converted at the period's last day. */
export async function getReceiptsReport(tx: Tx, filter: { period: Period; partnerId?: string }) {
  const receipts = await listReceipts(tx, filter);
  const totals: Record<string, number> = {};
  for (const r of receipts) addAmount(totals, r.currency, r.amountMinor);
  return { receipts, total: convertTotals(totals, filter.period.end, await loadFx(tx)) };
}

/** ISV vendors and their won deals, for the receipt form. */
export async function listReceiptOptions(tx: Tx) {
  const [partners, deals] = [
    await rows<{ id: string; name: string }>(
      tx,
      sql`select id, name from public.partners where kind in ('isv', 'isv_and_program') order by name, id`,
    ),
    await rows<{ id: string; partnerId: string; name: string }>(
      tx,
      sql`select o.id, o.isv_partner_id as "partnerId",
          o.customer_name || coalesce(' · ' || o.title, '') || coalesce(' (' || o.actual_close_date::text || ')', '') as name
        from public.opportunities o join public.stages s on s.id = o.stage_id
        where s.is_won and o.isv_partner_id is not null
        order by o.actual_close_date desc nulls last, o.customer_name limit 1000`,
    ),
  ];
  return { partners, deals };
}

export type ReceiptOptions = Awaited<ReturnType<typeof listReceiptOptions>>;
