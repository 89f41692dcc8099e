import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { QuarterForecast } from "@/lib/forecast/inputs";
import { formatMoney } from "@/lib/money";
import { ForecastBand } from "./forecast-band";
import { percent, Widget } from "./widget";

function Tile({
  title,
  value,
  note,
  testId,
}: {
  title: string;
  value: string;
  note: string;
  testId?: string;
}) {
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardDescription>{title}</CardDescription>
        <CardTitle className="text-2xl tabular-nums" data-testid={testId}>
          {value}
        </CardTitle>
      </CardHeader>
      <CardContent className="px-4 text-xs text-muted-foreground">{note}</CardContent>
    </Card>
  );
}

/** The quarter's forecast at a glance: won so far, weighted forecast, simulated median and the chance of hitting target. */
export function ForecastSummary({
  forecast,
  children,
}: {
  forecast: QuarterForecast;
  children?: React.ReactNode;
}) {
  const { currency, simulation: sim } = forecast;
  const money = (v: number) => formatMoney(v, currency);
  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Tile
          title="Won so far"
          value={money(forecast.alreadyWonMinor)}
          note={`${forecast.alreadyWonCount} deals · target ${formatMoney(forecast.targetMinor, currency, { compact: true })}`}
        />
        <Tile
          title="Weighted forecast"
          value={money(forecast.alreadyWonMinor + forecast.weightedMinor)}
          note={`Won plus ${formatMoney(forecast.weightedMinor, currency, { compact: true })} weighted from ${forecast.deals.length} open deals`}
          testId="reports-weighted"
        />
        <Tile
          title="Simulated median (P50)"
          value={money(sim.p50Minor)}
          note={`P10 ${formatMoney(sim.p10Minor, currency, { compact: true })} · P90 ${formatMoney(sim.p90Minor, currency, { compact: true })}`}
          testId="reports-p50"
        />
        <Tile
          title="Chance of reaching target"
          value={percent(sim.probabilityOfTarget)}
          note={`Share of ${sim.trials.toLocaleString("en-US")} simulated quarters at or above target`}
          testId="reports-target-chance"
        />
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Widget
          headingAs="h3"
          title="Monte Carlo outcome"
          description={`${sim.trials.toLocaleString("en-US")} simulated ${forecast.quarter.label} quarters, each deal won independently with its learned probability`}
        >
          <ForecastBand
            currency={currency}
            wonMinor={forecast.alreadyWonMinor}
            p10Minor={sim.p10Minor}
            p50Minor={sim.p50Minor}
            p90Minor={sim.p90Minor}
            targetMinor={forecast.targetMinor}
          />
          <p className="mt-3 text-xs text-muted-foreground">
            Expected value {money(sim.expectedMinor)}; the seed is fixed for the quarter, so the same pipeline
            gives the same answer on every load.
          </p>
        </Widget>
        {children}
      </div>
    </div>
  );
}
