import type { Metadata } from "next";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { ReviewActions } from "@/components/registrations/review-actions";
import { RegistrationStatusBadge } from "@/components/registrations/status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { formatMoney } from "@/lib/money";
import { listDealOwners, listRegistrationsForReview } from "@/lib/registrations/queries";

export const metadata: Metadata = { title: "Deal registrations" };

export default async function RegistrationsReviewPage() {
  const user = await requireUser(["vp", "partnership_manager"]);
  const { queue, owners } = await withSession({ claims: user.claims }, async (tx) => ({
    queue: await listRegistrationsForReview(tx),
    owners: await listDealOwners(tx),
  }));
  // Only the VP may open a deal for someone else (the same rule as creating an opportunity).
  const ownerChoices = user.role === "vp" ? owners : owners.filter((o) => o.id === user.id);
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["deal_registrations"]} />
      <PageHeader
        title="Deal registrations"
        description="Approve to protect the customer for the partner and open the deal in the pipeline; reject with a reason the partner sees."
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Waiting for review</h2>
          </CardTitle>
          <CardDescription>
            {queue.pending.length === 0
              ? "Nothing to review."
              : `${queue.pending.length} registration${queue.pending.length === 1 ? "" : "s"}, oldest first.`}
          </CardDescription>
        </CardHeader>
        {queue.pending.length > 0 ? (
          <CardContent className="grid gap-4">
            {queue.pending.map((r) => (
              <article
                key={r.id}
                className="grid gap-3 rounded-lg border p-4 lg:grid-cols-[1fr_auto]"
                aria-label={`${r.customerName} by ${r.partnerName}`}
              >
                <div className="grid gap-1 text-sm">
                  <p className="flex flex-wrap items-center gap-2 text-base font-medium">
                    {r.customerName}
                    <span className="text-sm font-normal text-muted-foreground">{r.customerDomain}</span>
                    {r.selfReferral ? <Badge variant="warning">Possible self-referral</Badge> : null}
                  </p>
                  <p>
                    {r.partnerName} · {r.submittedBy ?? "a partner user"} ·{" "}
                    {r.createdAt.toISOString().slice(0, 10)}
                  </p>
                  <p>
                    {r.contactName} &lt;{r.contactEmail}&gt; ·{" "}
                    {formatMoney(r.estimatedValueMinor, r.currency)}
                  </p>
                  {r.notes ? <p className="text-muted-foreground">{r.notes}</p> : null}
                </div>
                <ReviewActions
                  id={r.id}
                  customer={r.customerName}
                  owners={ownerChoices}
                  defaultOwnerId={user.id}
                />
              </article>
            ))}
          </CardContent>
        ) : null}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Recent decisions</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {queue.decided.length === 0 ? (
            <p className="text-sm text-muted-foreground">No decisions yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Customer</TableHead>
                  <TableHead>Partner</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Protected until / reason</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {queue.decided.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      {r.customerName}
                      <span className="block text-xs text-muted-foreground">{r.customerDomain}</span>
                    </TableCell>
                    <TableCell>{r.partnerName}</TableCell>
                    <TableCell>
                      <RegistrationStatusBadge status={r.status} />
                    </TableCell>
                    <TableCell className="max-w-xs text-sm">
                      {r.status === "approved" ? r.protectedUntil : r.rejectionReason}
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
