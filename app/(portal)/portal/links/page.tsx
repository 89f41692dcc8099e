import type { Metadata } from "next";
import { CampaignLinkForm } from "@/components/referrals/campaign-link-form";
import { CopyLinkButton } from "@/components/referrals/copy-link-button";
import { LinksTable } from "@/components/referrals/links-table";
import { RecentReferrals } from "@/components/referrals/recent-referrals";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { serverEnv } from "@/lib/env";
import { ensureOwnDefaultLink } from "@/lib/referrals/default-link";
import { linksAreActive, listActiveLandingPages, listLinksWithStats, listRecentReferrals } from "@/lib/referrals/queries";

export const metadata: Metadata = { title: "Links" };

export default async function LinksPage() {
  const user = await requireUser(["partner"]);
  const partnerId = user.partnerId;
  if (!partnerId) throw new Error("A partner account without an organisation");
  const data = await withSession({ claims: user.claims }, async (tx) => {
    await ensureOwnDefaultLink(tx);
    return {
      links: await listLinksWithStats(tx, partnerId),
      pages: await listActiveLandingPages(tx),
      referrals: await listRecentReferrals(tx, partnerId),
      active: await linksAreActive(tx, partnerId),
    };
  });
  const appUrl = serverEnv().APP_URL;
  const defaultLink = data.links.find((l) => l.isDefault);
  const defaultUrl = defaultLink ? new URL(`/r/${defaultLink.code}`, appUrl).toString() : null;
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["referral_clicks", "referrals"]} />
      <PageHeader title="Links" description="Share links that credit you for every referral." />
      {defaultUrl ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Your referral link</h2>
            </CardTitle>
            <CardDescription>
              Anyone who opens it and gets in touch within the attribution window is credited to you.
            </CardDescription>
            {data.active ? null : (
              <p data-testid="links-not-active" className="text-sm font-medium text-warning">
                Your links start working once the partner team approves your application; until then they lead
                to a page that says the link is not active yet, and no click is counted.
              </p>
            )}
          </CardHeader>
          <CardContent className="flex flex-wrap items-center gap-3">
            <code data-testid="default-link" className="rounded-md bg-muted px-3 py-2 text-sm break-all">
              {defaultUrl}
            </code>
            <CopyLinkButton url={defaultUrl} label="Copy link" />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Campaign links</h2>
          </CardTitle>
          <CardDescription>
            A separate link per campaign shows which one brings visitors; each leads to a page the team
            approved.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <CampaignLinkForm pages={data.pages} />
          <LinksTable links={data.links} appUrl={appUrl} manage />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Latest referrals</h2>
          </CardTitle>
          <CardDescription>People who got in touch through your links.</CardDescription>
        </CardHeader>
        <CardContent>
          <RecentReferrals referrals={data.referrals} />
        </CardContent>
      </Card>
    </div>
  );
}
