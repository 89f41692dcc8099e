import { TrendingUp } from "lucide-react";
import { Fragment } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CommissionForecast } from "@/lib/commission-records/statements";
import type { Converted, ForecastMonth } from "@/lib/commissions/statement-math";
import type { Direction } from "@/lib/commissions/statement-periods";
import { formatMoney } from "@/lib/money";
import { exportHref, ExportLink } from "./export-link";
import { ForecastChart } from "./forecast-chart";
import { ConvertedAmount, RateNote } from "./money";

type Measure = "amount" | "weighted";

function windowTotal(months: ForecastMonth[], direction: Direction, measure: Measure) {
  const missing = new Map<string, number>();
  let totalMinor = 0;
  for (const month of months) {
    const c = month[direction][measure];
    totalMinor += c.totalMinor;
    for (const r of c.rows)
      if (r.convertedMinor === null) missing.set(r.currency, (missing.get(r.currency) ?? 0) + r.amountMinor);
  }
  return { totalMinor, missing: [...missing] };
}

function Figure({
  title,
  direction,
  months,
  currency,
}: {
  title: string;
  direction: Direction;
  months: ForecastMonth[];
  currency: string;
}) {
  const weighted = windowTotal(months, direction, "weighted");
  const amount = windowTotal(months, direction, "amount");
  return (
    <Card className="gap-2">
      <CardHeader>
        <CardTitle>
          <h3 className="text-sm font-medium text-muted-foreground">{title}</h3>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1">
        <p className="text-2xl font-semibold tabular-nums">{formatMoney(weighted.totalMinor, currency)}</p>
        <p className="text-xs text-muted-foreground tabular-nums">
          weighted, of {formatMoney(amount.totalMinor, currency)} unweighted
        </p>
        {amount.missing.map(([c, minor]) => (
          <p key={c} className="text-xs text-warning tabular-nums">
            + {formatMoney(minor, c)} not convertible
          </p>
        ))}
      </CardContent>
    </Card>
  );
}

function Awaiting({
  converted,
  sides,
}: {
  converted: { receivable: Converted; payable: Converted };
  sides: Direction[];
}) {
  return (
    <Card className="gap-2">
      <CardHeader>
        <CardTitle>
          <h3 className="text-sm font-medium text-muted-foreground">Earned, awaiting approval</h3>
        </CardTitle>
        <CardDescription className="text-xs">
          Won deals whose lines finance has not approved yet.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-2 gap-2 text-sm">
        {sides.map((d) => (
          <Fragment key={d}>
            <span>{d === "receivable" ? "Receivable" : "Payable"}</span>
            <ConvertedAmount converted={converted[d]} />
          </Fragment>
        ))}
      </CardContent>
    </Card>
  );
}

/** Commission expected from open deals over the next twelve months, and earned lines waiting for approval. */
export function ForecastView({
  forecast,
  direction,
  partnerId,
  canSeePayable,
}: {
  forecast: CommissionForecast;
  direction: Direction | undefined;
  partnerId: string | undefined;
  /** Sales and partnership managers only ever see receivable lines: the payable side would read as zero. */
  canSeePayable: boolean;
}) {
  const show = { receivable: direction !== "payable", payable: direction !== "receivable" && canSeePayable };
  const currency = forecast.months[0]?.receivable.amount.target ?? "USD";
  const hasLines = forecast.months.some(
    (m) => m.receivable.amount.rows.length + m.payable.amount.rows.length > 0,
  );
  const hasAwaiting =
    forecast.awaitingApproval.receivable.rows.length + forecast.awaitingApproval.payable.rows.length > 0;
  const sides = (["receivable", "payable"] as const).filter((d) => show[d]);
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          Open deals from {forecast.window.start} to {forecast.window.end}, weighted by the deal&apos;s
          probability, or its stage&apos;s when the deal has none.
        </p>
        <ExportLink href={exportHref({ type: "forecast", partner: partnerId, direction })}>
          Export forecast (CSV)
        </ExportLink>
      </div>
      {!hasLines && !hasAwaiting ? (
        <EmptyState
          icon={TrendingUp}
          titleAs="h2"
          title="No commission in the pipeline"
          description="No open deal you can see carries a commission due in the next twelve months, and nothing is waiting for approval."
        />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {show.receivable ? (
              <Figure
                title="Receivable, next 12 months"
                direction="receivable"
                months={forecast.months}
                currency={currency}
              />
            ) : null}
            {show.payable ? (
              <Figure
                title="Payable, next 12 months"
                direction="payable"
                months={forecast.months}
                currency={currency}
              />
            ) : null}
            <Awaiting converted={forecast.awaitingApproval} sides={sides} />
          </div>
          {hasLines ? <ForecastMonths forecast={forecast} sides={sides} currency={currency} /> : null}
        </>
      )}
    </div>
  );
}

function ForecastMonths({
  forecast,
  sides,
  currency,
}: {
  forecast: CommissionForecast;
  sides: Direction[];
  currency: string;
}) {
  const bars = forecast.months.map((m) => ({
    label: m.label,
    receivableMinor: m.receivable.weighted.totalMinor,
    payableMinor: m.payable.weighted.totalMinor,
  }));
  const label = { receivable: "Receivable", payable: "Payable" } as const;
  return (
    <section aria-labelledby="forecast-months" className="grid min-w-0 gap-4">
      <h2 id="forecast-months" className="text-lg font-semibold tracking-tight">
        By month, in {currency}
      </h2>
      <figure
        className="min-w-0"
        aria-label={`Weighted commission per month in ${currency}; the table below has the figures`}
      >
        <ForecastChart
          data={bars}
          currency={currency}
          show={{ receivable: sides.includes("receivable"), payable: sides.includes("payable") }}
        />
      </figure>
      <Table aria-label="Commission forecast by month">
        <TableHeader>
          <TableRow>
            <TableHead>Month</TableHead>
            {sides.flatMap((d) => [
              <TableHead key={`${d}-a`} className="text-right">{`${label[d]}, unweighted`}</TableHead>,
              <TableHead key={`${d}-w`} className="text-right">{`${label[d]}, weighted`}</TableHead>,
            ])}
          </TableRow>
        </TableHeader>
        <TableBody>
          {forecast.months.map((m) => (
            <TableRow key={m.key}>
              <TableCell className="align-top font-medium">{m.label}</TableCell>
              {sides.flatMap((d) => [
                <TableCell key={`${d}-a`} className="text-right align-top">
                  <ConvertedAmount converted={m[d].amount} />
                </TableCell>,
                <TableCell key={`${d}-w`} className="text-right align-top">
                  <ConvertedAmount converted={m[d].weighted} />
                </TableCell>,
              ])}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <RateNote
        conversions={forecast.months.flatMap((m) => sides.flatMap((d) => [m[d].amount, m[d].weighted]))}
        prefix={`Each month converts to ${currency} at the latest rate on or before its last day, so months ahead use the latest rate known; overdue lines use the rate of ${forecast.today}.`}
      />
      <CurrencySubtotals forecast={forecast} sides={sides} />
    </section>
  );
}

function CurrencySubtotals({ forecast, sides }: { forecast: CommissionForecast; sides: Direction[] }) {
  const currencies = [...new Set(sides.flatMap((d) => Object.keys(forecast.subtotals[d])))].sort();
  if (currencies.length < 2) return null;
  return (
    <Table aria-label="Forecast per currency, not converted">
      <TableHeader>
        <TableRow>
          <TableHead>Currency</TableHead>
          {sides.map((d) => (
            <TableHead key={d} className="text-right">
              {d === "receivable" ? "Receivable" : "Payable"} (weighted)
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {currencies.map((c) => (
          <TableRow key={c}>
            <TableCell className="font-medium">{c}</TableCell>
            {sides.map((d) => {
              const s = forecast.subtotals[d][c];
              return (
                <TableCell key={d} className="text-right tabular-nums">
                  {s ? `${formatMoney(s.amountMinor, c)} (${formatMoney(s.weightedMinor, c)})` : "—"}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
