import type { Metadata } from "next";
import Link from "next/link";
import { CalendarClock, Hourglass } from "lucide-react";
import { BookingsRing } from "@/components/dashboard/bookings-ring";
import { ConversionRates } from "@/components/dashboard/conversion-rates";
import { DealList } from "@/components/dashboard/deal-list";
import { DomainGoals } from "@/components/dashboard/domain-goals";
import { PartnerMatrix } from "@/components/dashboard/partner-matrix";
import { StagePipeline } from "@/components/dashboard/stage-pipeline";
import { TeamCards } from "@/components/dashboard/team-cards";
import { WeightedPipeline } from "@/components/dashboard/weighted-pipeline";
import { pipelineHref } from "@/components/dashboard/widget";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/queries";
import { withSession, type SessionClaims } from "@/lib/db/session";

export const metadata: Metadata = { title: "Dashboard" };

function loadDashboard(claims: SessionClaims) {
  return getDashboard((fn) => withSession({ claims }, fn), new Date());
}

export default async function DashboardPage() {
  const user = await requireUser(STAFF_ROLES);
  const d = await loadDashboard(user.claims);
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["opportunities", "stages"]} />
      <PageHeader
        title={`Welcome back, ${user.displayName.split(" ")[0]}`}
        description={`Where ${d.quarter.label} stands right now. Figures update as deals move.`}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/reports">Forecast and reports</Link>
          </Button>
        }
      />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <BookingsRing
          quarterLabel={d.quarter.label}
          currency={d.currency}
          wonMinor={d.bookings.wonMinor}
          wonCount={d.bookings.wonCount}
          targetMinor={d.bookings.targetMinor}
          elapsedShare={d.elapsedShare}
          wonStageId={d.wonStageId}
        />
        <WeightedPipeline
          currency={d.currency}
          totalMinor={d.weighted.totalMinor}
          openMinor={d.weighted.openMinor}
          openCount={d.weighted.openCount}
          today={d.today}
        />
        <ConversionRates
          conversions={d.conversions}
          windowLabel={d.window.label}
          className="md:col-span-2 xl:col-span-1"
        />
      </div>
      <div className="grid gap-4 xl:grid-cols-3">
        <StagePipeline stages={d.stages} currency={d.currency} className="xl:col-span-2" />
        <DomainGoals domains={d.domains} currency={d.currency} elapsedShare={d.elapsedShare} />
      </div>
      <TeamCards team={d.team} currency={d.currency} elapsedShare={d.elapsedShare} />
      <PartnerMatrix partners={d.partners} currency={d.currency} />
      <div className="grid gap-4 md:grid-cols-2">
        <DealList
          title="Stalled deals"
          description={`Open deals that have not changed stage in ${d.stalledAfterDays} days`}
          deals={d.stalled}
          href={pipelineHref({ sort: "updated", dir: "asc" })}
          hrefLabel="Least recently updated"
          detail={(deal) => `${deal.daysInStage} days in stage`}
          empty={{
            icon: Hourglass,
            title: "Nothing stalled",
            description: `Every open deal moved in the last ${d.stalledAfterDays} days.`,
          }}
        />
        <DealList
          title="Closing in 14 days"
          description={`Open deals expected to close by ${d.dueBy}`}
          deals={d.closesDue}
          href={pipelineHref({ from: d.today, to: d.dueBy, sort: "close", dir: "asc" })}
          hrefLabel="All due"
          detail={(deal) => `due ${deal.expectedCloseDate}`}
          empty={{
            icon: CalendarClock,
            title: "Nothing due",
            description: "No open deal is expected to close in the next two weeks.",
          }}
        />
      </div>
      <p className="text-xs text-muted-foreground">
        Money totals count deals in {d.currency} only; deals in other currencies join them once FX conversion
        lands. Win rates and conversion cover {d.window.label}.
      </p>
    </div>
  );
}
