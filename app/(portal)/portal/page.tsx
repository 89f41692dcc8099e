import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getPartnerOrgOrThrow } from "@/lib/partners/queries";

export const metadata: Metadata = { title: "Partner home" };

const CADENCE: Record<string, string> = { monthly: "monthly", biweekly: "every two weeks", weekly: "weekly", realtime: "as soon as approved" };

export default async function PortalHomePage() {
  const user = await requireUser(["partner"]);
  const org = await withSession({ claims: user.claims }, (tx) => getPartnerOrgOrThrow(tx, user.partnerId!));
  return (
    <div className="grid gap-6">
      <PageHeader title={`Welcome, ${user.displayName.split(" ")[0]}`} description={`${org.name} partner portal`} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card data-testid="tier-card">
          <CardHeader>
            <CardDescription>Your tier</CardDescription>
            <CardTitle className="flex items-center gap-2 text-2xl">
              <span aria-hidden className="size-3 rounded-full" style={{ backgroundColor: org.tierColor ?? undefined }} />
              {org.tierName ?? "Not assigned"}
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">
            {org.tierRate ? `${Number(org.tierRate)}% commission, paid ${CADENCE[org.tierCadence ?? "monthly"]}.` : "Your tier is set when your application is approved."}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Program status</CardDescription>
            <CardTitle className="text-2xl capitalize">{org.status}</CardTitle>
          </CardHeader>
          <CardContent>
            <Badge variant={org.status === "active" ? "success" : "secondary"}>{org.status === "active" ? "Earning commissions" : "Getting set up"}</Badge>
          </CardContent>
        </Card>
      </div>
      <ComingSoon
        feature="Your partner dashboard"
        bullets={["Earnings this month, quarter and lifetime", "Clicks → referrals → deals → won, with conversion rates", "Tier progress, badges and the monthly leaderboard"]}
      />
    </div>
  );
}
