import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CurrentUser } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { listLinksWithStatsInSession } from "@/lib/referrals/queries";
import { LinksTable } from "./links-table";

/** Staff view of a partner's referral links and their results (read-only). */
export async function PartnerLinksSection({
  partnerId,
  claims,
}: {
  partnerId: string;
  claims: CurrentUser["claims"];
}) {
  const links = await listLinksWithStatsInSession(claims, partnerId);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Referral links</h2>
        </CardTitle>
        <CardDescription>
          Clicks and referrals per link; partners manage their links in the portal.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {links.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No links yet: the default link is created when the partner first opens the portal.
          </p>
        ) : (
          <LinksTable links={links} appUrl={serverEnv().APP_URL} manage={false} />
        )}
      </CardContent>
    </Card>
  );
}
