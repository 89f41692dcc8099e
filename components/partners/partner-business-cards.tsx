import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CommissionSummaryRow, PartnerOpportunityRow } from "@/lib/health/partner-queries";
import { formatMoney } from "@/lib/money";

const ROLE = { vendor: "Vendor", referrer: "Referred", both: "Vendor + referrer" } as const;

export function OpportunitiesCard({
  partnerId,
  deals,
}: {
  partnerId: string;
  deals: PartnerOpportunityRow[];
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Opportunities</h2>
        </CardTitle>
        <CardDescription>
          Open deals first, then the latest closed.{" "}
          <Link
            className="text-primary underline-offset-4 hover:underline"
            href={`/pipeline?view=list&partner=${partnerId}`}
          >
            All in the pipeline
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent>
        {deals.length === 0 ? (
          <p className="text-sm text-muted-foreground">No opportunities with this partner yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Customer</TableHead>
                <TableHead>Stage</TableHead>
                <TableHead className="text-right">Value</TableHead>
                <TableHead className="hidden md:table-cell">Partner role</TableHead>
                <TableHead className="hidden lg:table-cell">Close</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {deals.map((d) => (
                <TableRow key={d.id} data-testid="partner-opportunity">
                  <TableCell className="font-medium">
                    <Link
                      className="underline-offset-4 hover:underline"
                      href={`/pipeline?view=list&opportunity=${d.id}`}
                    >
                      {d.customerName}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Badge variant={d.isWon ? "success" : d.isLost ? "secondary" : "outline"}>
                      {d.stageName}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatMoney(d.valueMinor, d.currency)}
                  </TableCell>
                  <TableCell className="hidden md:table-cell">{ROLE[d.role]}</TableCell>
                  <TableCell className="hidden tabular-nums lg:table-cell">{d.closeDate ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

export function RevenueCard({
  quarters,
  currency,
}: {
  quarters: { label: string; wonMinor: number; deals: number }[];
  currency: string;
}) {
  const max = Math.max(1, ...quarters.map((q) => q.wonMinor));
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Revenue by quarter</h2>
        </CardTitle>
        <CardDescription>Deals won with this partner as vendor or referrer, in {currency}.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3" aria-label="Won revenue by quarter">
          {quarters.map((q) => (
            <div key={q.label} className="grid grid-cols-[5.5rem_1fr_auto] items-center gap-3 text-sm">
              <dt className="text-muted-foreground">{q.label}</dt>
              <div className="h-2 rounded-full bg-muted" aria-hidden>
                <div
                  className="h-2 rounded-full bg-primary"
                  style={{ width: `${(q.wonMinor / max) * 100}%` }}
                />
              </div>
              <dd className="text-right tabular-nums">
                {formatMoney(q.wonMinor, currency, { compact: true })} · {q.deals}{" "}
                {q.deals === 1 ? "deal" : "deals"}
              </dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

export function CommissionCard({ rows, visible }: { rows: CommissionSummaryRow[]; visible: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Commissions to this partner</h2>
        </CardTitle>
        <CardDescription>Payable lines by status.</CardDescription>
      </CardHeader>
      <CardContent>
        {!visible ? (
          <p className="text-sm text-muted-foreground">
            Commission figures are visible to the VP and finance.
          </p>
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">No earned, approved or paid commissions yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Currency</TableHead>
                <TableHead className="text-right">Earned</TableHead>
                <TableHead className="text-right">Approved</TableHead>
                <TableHead className="text-right">Paid</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.currency}>
                  <TableCell>{r.currency}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatMoney(r.earnedMinor, r.currency)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatMoney(r.approvedMinor, r.currency)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatMoney(r.paidMinor, r.currency)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
