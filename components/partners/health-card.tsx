import { Activity, Sprout } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HealthHistory } from "@/lib/health/partner-queries";
import { COMPONENT_FORMULAS, NEW_PARTNER_DAYS } from "@/lib/health/score";
import { HealthBadge } from "./health-badge";
import { HealthTrendChart } from "./health-trend-chart";

/** The partner's latest health score, what it is made of, and how it moved. */
export function HealthCard({ history, isVp }: { history: HealthHistory; isVp: boolean }) {
  const latest = history.latest;
  return (
    <Card data-testid="partner-health">
      <CardHeader>
        <CardTitle>
          <h2 className="flex flex-wrap items-center gap-2">
            Relationship health {latest ? <HealthBadge score={latest.score} /> : null}
          </h2>
        </CardTitle>
        <CardDescription>
          {latest
            ? `Scored ${latest.takenOn} from interactions, pipeline, revenue trend and open issues.`
            : "Scores are computed daily."}{" "}
          {isVp ? (
            <Link href="/settings/health" className="text-primary underline-offset-4 hover:underline">
              Tune the weights
            </Link>
          ) : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {!latest && history.firstScoredOn ? (
          <EmptyState
            icon={Sprout}
            title="New partner"
            description={`Partners are scored from their ${NEW_PARTNER_DAYS}th day, when their activity says more than their age: the first score is due on ${history.firstScoredOn}.`}
          />
        ) : !latest ? (
          <EmptyState
            icon={Activity}
            title="Not scored yet"
            description="This partner gets a health score on the next daily run, or as soon as an interaction is logged."
          />
        ) : (
          <>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Component</TableHead>
                  <TableHead className="text-right">Sub-score</TableHead>
                  <TableHead className="text-right">Weight</TableHead>
                  <TableHead className="text-right">Points</TableHead>
                  <TableHead className="hidden md:table-cell">Why</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {latest.breakdown.breakdown.map((c) => (
                  <TableRow key={c.key}>
                    <TableCell className="font-medium" title={COMPONENT_FORMULAS[c.key]}>
                      {c.label}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{c.subScore}</TableCell>
                    <TableCell className="text-right tabular-nums">{c.weight}%</TableCell>
                    <TableCell className="text-right tabular-nums">{c.points}</TableCell>
                    <TableCell className="hidden text-muted-foreground md:table-cell">{c.detail}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell className="font-semibold" colSpan={3}>
                    Score (points summed, rounded)
                  </TableCell>
                  <TableCell className="text-right font-semibold tabular-nums">{latest.score}</TableCell>
                  <TableCell className="hidden md:table-cell" />
                </TableRow>
              </TableBody>
            </Table>
            {history.trend.length > 1 ? (
              <HealthTrendChart data={history.trend} />
            ) : (
              <p className="text-sm text-muted-foreground">
                The trend chart appears after a second day of scores.
              </p>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
