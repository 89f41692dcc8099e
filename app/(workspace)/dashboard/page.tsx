import type { Metadata } from "next";
import Link from "next/link";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getQuarterSnapshot } from "@/lib/dashboard/queries";
import { withSession } from "@/lib/db/session";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser(STAFF_ROLES);
  const snapshot = await withSession({ claims: user.claims }, (tx) => getQuarterSnapshot(tx));
  const pct = snapshot.targetMinor > 0 ? Math.round((snapshot.wonMinor / snapshot.targetMinor) * 100) : 0;
  const cards = [
    { title: `Bookings ${snapshot.label}`, value: formatMoney(snapshot.wonMinor, snapshot.currency), note: `${pct}% of ${formatMoney(snapshot.targetMinor, snapshot.currency)} target · ${snapshot.wonCount} deals won` },
    { title: "Open pipeline", value: formatMoney(snapshot.openMinor, snapshot.currency), note: `${snapshot.openCount} open opportunities` },
    { title: "Active partners", value: String(snapshot.activePartners), note: "ISV vendors and program partners" },
  ];
  return (
    <div className="grid gap-6">
      <PageHeader title={`Welcome back, ${user.displayName.split(" ")[0]}`} description={`Where ${snapshot.label} stands right now.`} />
      <section aria-label="Quarter summary" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {cards.map((card) => (
          <Card key={card.title}>
            <CardHeader>
              <CardDescription>{card.title}</CardDescription>
              <CardTitle className="text-2xl tabular-nums" data-testid={`stat-${card.title}`}>
                {card.value}
              </CardTitle>
            </CardHeader>
            <CardContent className="text-sm text-muted-foreground">{card.note}</CardContent>
          </Card>
        ))}
      </section>
      <p className="text-sm text-muted-foreground">
        Figures count deals in {snapshot.currency}. See every partner on the{" "}
        <Link href="/partners" className="text-primary underline-offset-4 hover:underline">
          partners page
        </Link>
        .
      </p>
      <ComingSoon
        feature="The live executive dashboard"
        bullets={[
          "Bookings against the quarter target as a progress ring, updating as deals move",
          "Pipeline by stage with conversion rates and a weighted forecast",
          "Team cards, partner matrix, stalled deals and closes due in 14 days",
        ]}
      />
    </div>
  );
}
