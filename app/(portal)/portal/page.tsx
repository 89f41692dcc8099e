import type { Metadata } from "next";
import { Badges } from "@/components/partner-home/badges";
import { EarningsChart } from "@/components/partner-home/earnings-chart";
import { EarningsSummary } from "@/components/partner-home/earnings-summary";
import { Funnel } from "@/components/partner-home/funnel";
import { Leaderboard } from "@/components/partner-home/leaderboard";
import { NotificationList } from "@/components/partner-home/notification-list";
import { PayableLines } from "@/components/partner-home/payable-lines";
import { TierCard } from "@/components/partner-home/tier-card";
import { LearnNextCard } from "@/components/training/learn-next-card";
import { UnlockMatrix } from "@/components/tiers/unlock-matrix";
import { OnboardingBanner } from "@/components/onboarding/onboarding-banner";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PartnerRegistrationsTable } from "@/components/registrations/partner-registrations";
import { ReferralStatusBadge } from "@/components/registrations/status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { formatMoney } from "@/lib/money";
import { getPartnerHome } from "@/lib/partner-home/home";

export const metadata: Metadata = { title: "Partner home" };

function Section({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export default async function PortalHomePage() {
  const user = await requireUser(["partner"]);
  const today = new Date().toISOString().slice(0, 10);
  const home = await withSession({ claims: user.claims }, (tx) =>
    getPartnerHome(tx, { id: user.id, partnerId: user.partnerId! }, today),
  );
  const money = (minor: number) => formatMoney(minor, home.currency);
  const current = home.progress.current;
  return (
    <div className="grid gap-6">
      <LiveRefresh
        tables={[
          "opportunities",
          "partners",
          "tier_history",
          "partner_achievements",
          "deal_registrations",
          "referrals",
          "referral_clicks",
          "notifications",
          "tiers",
        ]}
      />
      <PageHeader
        title={`Welcome, ${user.displayName.split(" ")[0]}`}
        description={`${home.org.name} partner portal`}
      />
      <OnboardingBanner user={user} />
      <div className="grid gap-6 lg:grid-cols-3">
        <TierCard
          tier={
            current
              ? {
                  name: current.name,
                  color: home.org.tierColor ?? "#64748b",
                  rate: current.commissionRate,
                  cadence: home.org.tierCadence ?? "monthly",
                }
              : null
          }
          unlocks={home.unlocksNext}
          progress={home.progress}
          money={money}
          actions={home.actions}
        />
        <Section
          title="Earnings"
          description="Your payable commissions by due date: forecast (open deals), earned (awaiting approval), approved and paid, with the coming months."
          className="lg:col-span-2"
        >
          <div className="grid gap-4">
            <EarningsSummary totals={home.totals} />
            <EarningsChart data={home.chart} currency={home.currency} />
          </div>
        </Section>
      </div>
      <LearnNextCard next={home.learnNext} />
      <Section
        title="Your funnel"
        description="All time: clicks on your links → referrals → registrations and referred deals → won."
      >
        <Funnel steps={home.funnel} />
      </Section>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Badges and XP">
          <Badges earned={home.achievements} xp={home.xp} />
        </Section>
        <Section
          title="Leaderboard"
          description={`Top partners by won referred revenue in ${home.leaderboard.month}.`}
        >
          <Leaderboard
            rows={home.leaderboard.board.rows}
            currency={home.leaderboard.board.currency}
            partnerId={user.partnerId!}
          />
        </Section>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Commission lines" description="Open a line to see the rules behind its amount.">
          <PayableLines lines={home.lines} />
        </Section>
        <Section title="Notifications">
          <NotificationList items={home.notifications} />
        </Section>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Registrations">
          <PartnerRegistrationsTable rows={home.registrations} today={today} />
        </Section>
        <Section title="Referrals and deals">
          <ul className="grid gap-2 text-sm">
            {home.deals.map((d) => (
              <li key={d.id} className="flex justify-between gap-2">
                <span>{d.customer_name}</span>
                <span className="text-muted-foreground">{d.stage}</span>
              </li>
            ))}
            {home.referrals.map((r) => (
              <li key={r.id} className="flex justify-between gap-2">
                <span>{r.company}</span>
                <ReferralStatusBadge status={r.status} />
              </li>
            ))}
            {home.deals.length + home.referrals.length === 0 ? (
              <li className="text-muted-foreground">No referrals yet.</li>
            ) : null}
          </ul>
        </Section>
      </div>
      <Section title="What each tier unlocks" description="Locked features show the tier that unlocks them.">
        <UnlockMatrix
          features={home.entitlements.features}
          ladder={home.entitlements.ladder}
          rank={home.entitlements.rank}
          partnerView
        />
      </Section>
    </div>
  );
}
