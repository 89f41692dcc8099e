import Link from "next/link";
import { PageSection } from "@/components/shell/page-section";
import type { Metadata } from "next";
import { ForecastDeals } from "@/components/dashboard/forecast-deals";
import { ForecastSummary } from "@/components/dashboard/forecast-summary";
import { LearnedStages } from "@/components/dashboard/learned-stages";
import { QuarterTrend } from "@/components/dashboard/quarter-trend";
import { StageDurations } from "@/components/dashboard/stage-durations";
import { WinLossTables } from "@/components/dashboard/win-loss-tables";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { stageDurations } from "@/lib/dashboard/conversion";
import { getWinLoss, listStageMoves, windowBounds } from "@/lib/dashboard/queries";
import { withSession, type SessionClaims } from "@/lib/db/session";
import {
  getQuarterForecast,
  lastFourQuarters,
  listForecastStages,
  listQuarterTrend,
} from "@/lib/forecast/inputs";

export const metadata: Metadata = { title: "Reports" };

function loadReports(claims: SessionClaims) {
  const now = new Date();
  const window = lastFourQuarters(now);
  return withSession({ claims }, async (tx) => ({
    today: now.toISOString().slice(0, 10),
    window,
    forecast: await getQuarterForecast(tx, now),
    trend: await listQuarterTrend(tx, now),
    winLoss: await getWinLoss(tx, now),
    durations: stageDurations(
      await listStageMoves(tx, window),
      await listForecastStages(tx),
      windowBounds(window),
    ),
  }));
}

export default async function ReportsPage() {
  const user = await requireUser(STAFF_ROLES);
  const r = await loadReports(user.claims);
  const { forecast } = r;
  return (
    <div className="grid gap-10">
      <PageHeader
        title="Reports"
        description="Forecast, quarterly trend, win/loss and time in stage, from every deal you can see."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href="/reports/commissions">Commission statements</Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/reports/calculator">Commission calculator</Link>
            </Button>
          </>
        }
      />
      <PageSection
        id="forecast"
        title={`Forecast ${forecast.quarter.label}`}
        description="Open deals expected to close this quarter, or already overdue, on top of what is already won."
      >
        <ForecastSummary forecast={forecast}>
          <LearnedStages stages={forecast.stages} closedSample={forecast.closedSample} />
        </ForecastSummary>
        <ForecastDeals forecast={forecast} today={r.today} />
      </PageSection>
      <PageSection id="trend" title="Trend" description={`Bookings in ${r.window.label}.`}>
        <QuarterTrend quarters={r.trend.quarters} currency={r.trend.currency} />
      </PageSection>
      <PageSection id="win-loss" title="Win/loss" description={`Deals closed in ${r.window.label}.`}>
        <WinLossTables data={r.winLoss} />
      </PageSection>
      <PageSection
        id="durations"
        title="Stage duration"
        description="How long deals sit in each stage before they move."
      >
        <StageDurations durations={r.durations} windowLabel={r.window.label} />
      </PageSection>
      <p className="text-xs text-muted-foreground">
        Money figures count deals in {forecast.currency} only; deals in other currencies join them once FX
        conversion lands. Counts and win rates include every currency.
      </p>
    </div>
  );
}
