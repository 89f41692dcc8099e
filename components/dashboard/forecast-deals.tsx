import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QuarterForecast } from "@/lib/forecast/inputs";
import { formatMoney } from "@/lib/money";
import { pipelineHref, Widget } from "./widget";

/** The deals that carry this quarter's forecast, biggest weighted value first. */
export function ForecastDeals({
  forecast,
  today,
  limit = 10,
}: {
  forecast: QuarterForecast;
  today: string;
  limit?: number;
}) {
  const deals = [...forecast.deals].sort((a, b) => b.weightedMinor - a.weightedMinor).slice(0, limit);
  const names = new Map(forecast.stages.map((s) => [s.key, s.name]));
  return (
    <Widget
      headingAs="h3"
      title="Deals in this quarter's forecast"
      description={`Open ${forecast.currency} deals expected to close by the end of ${forecast.quarter.label}, or overdue${forecast.deals.length > limit ? ` (top ${limit} of ${forecast.deals.length})` : ""}`}
      href={pipelineHref({ to: forecast.quarter.end, sort: "close", dir: "asc" })}
      hrefLabel="All of them"
    >
      {deals.length === 0 ? (
        <p className="text-sm text-muted-foreground">No open deal is expected to close this quarter.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Customer</TableHead>
              <TableHead>Stage</TableHead>
              <TableHead>Expected close</TableHead>
              <TableHead className="text-right">Value</TableHead>
              <TableHead className="text-right">Win chance</TableHead>
              <TableHead className="text-right">Weighted</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {deals.map((d) => (
              <TableRow key={d.id}>
                <TableCell className="max-w-48 truncate font-medium">
                  <Link
                    href={pipelineHref({ q: d.customerName, opportunity: d.id })}
                    className="text-primary underline-offset-4 hover:underline"
                  >
                    {d.customerName}
                  </Link>
                </TableCell>
                <TableCell>{names.get(d.stageKey) ?? d.stageKey}</TableCell>
                <TableCell className="tabular-nums">
                  {d.expectedCloseDate}
                  {d.expectedCloseDate && d.expectedCloseDate < today ? (
                    <Badge variant="warning" className="ml-2">
                      Overdue
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatMoney(d.valueMinor, forecast.currency)}
                </TableCell>
                <TableCell className="text-right tabular-nums">{d.winProbability.toFixed(0)}%</TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatMoney(d.weightedMinor, forecast.currency)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Widget>
  );
}
