import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PartnerRegistrationsTable } from "@/components/registrations/partner-registrations";
import { RegistrationForm } from "@/components/registrations/registration-form";
import { ReferralStatusBadge } from "@/components/registrations/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listPartnerReferrals, listPartnerRegistrations } from "@/lib/registrations/queries";
import { workspaceCurrency } from "@/lib/tiers/metrics";

export const metadata: Metadata = { title: "Referrals & deals" };

export default async function Page() {
  const user = await requireUser(["partner"]);
  const partnerId = user.partnerId!;
  const { registrations, referrals, currency } = await withSession({ claims: user.claims }, async (tx) => ({
    registrations: await listPartnerRegistrations(tx, partnerId),
    referrals: await listPartnerReferrals(tx, partnerId),
    currency: await workspaceCurrency(tx),
  }));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["deal_registrations", "referrals"]} />
      <PageHeader
        title="Referrals & deals"
        description="Register a deal to protect the customer for you, and follow every referral attributed to you."
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Register a deal</h2>
          </CardTitle>
          <CardDescription>
            Once approved, the customer is protected for you and the deal enters our pipeline with you as the
            referring partner.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RegistrationForm currency={currency} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Your registrations</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <PartnerRegistrationsTable rows={registrations} today={today} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Your referrals</h2>
          </CardTitle>
          <CardDescription>Leads that arrived through your links or your referral code.</CardDescription>
        </CardHeader>
        <CardContent>
          {referrals.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No referrals yet. Share your referral link to get the first one.
            </p>
          ) : (
            <Table data-testid="partner-referrals">
              <TableHeader>
                <TableRow>
                  <TableHead>Company</TableHead>
                  <TableHead>Contact</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="hidden md:table-cell">Received</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {referrals.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className="font-medium">{r.company}</TableCell>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>
                      <ReferralStatusBadge status={r.status} />
                    </TableCell>
                    <TableCell className="hidden tabular-nums md:table-cell">
                      {r.createdAt.toISOString().slice(0, 10)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
