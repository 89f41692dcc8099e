import { NewAgreementForm, NewVersionForm } from "@/components/agreements/agreement-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { listPartnerAgreements } from "@/lib/agreements/queries";

const PAYMENT = {
  one_time: "One-time",
  recurring: "Recurring",
  hybrid: "Hybrid",
  milestone: "Milestone",
} as const;

type Agreements = Awaited<ReturnType<typeof listPartnerAgreements>>;

/** Agreements with their versions; the VP and finance add versions and new agreements. */
export function AgreementsSection({
  partnerId,
  agreements,
  canEdit,
  today,
}: {
  partnerId: string;
  agreements: Agreements;
  canEdit: boolean;
  today: string;
}) {
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Agreements</h2>
          </CardTitle>
          <CardDescription>
            {canEdit
              ? "Versions take effect on their date; earlier versions keep their terms."
              : "Commission terms with this partner. The VP and finance edit them."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {agreements.length === 0 ? (
            <p className="text-sm text-muted-foreground">No agreement yet.</p>
          ) : null}
          {agreements.map((a) => (
            <section
              key={a.id}
              aria-labelledby={`agreement-${a.id}`}
              className="grid gap-3"
              data-testid="agreement"
            >
              <h3 id={`agreement-${a.id}`} className="flex flex-wrap items-center gap-2 font-semibold">
                {a.name}
                <Badge variant="outline">{a.direction === "payable" ? "We pay" : "Pays us"}</Badge>
                <Badge variant="outline" className="capitalize">
                  {a.model}
                </Badge>
                <Badge variant={a.status === "active" ? "success" : "secondary"}>{a.status}</Badge>
              </h3>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Version</TableHead>
                    <TableHead>Effective</TableHead>
                    <TableHead className="text-right">Rate</TableHead>
                    <TableHead>Payment</TableHead>
                    <TableHead className="hidden md:table-cell">Basis</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {a.versions.map((v) => (
                    <TableRow key={v.id}>
                      <TableCell>v{v.version}</TableCell>
                      <TableCell className="tabular-nums">
                        {v.effectiveFrom} → {v.effectiveTo ?? "open"}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{Number(v.rate)}%</TableCell>
                      <TableCell>
                        {PAYMENT[v.paymentModel]} · {v.currency}
                      </TableCell>
                      <TableCell className="hidden md:table-cell">
                        {v.basis === "deal_value" ? "Deal value" : "Net revenue"}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {canEdit ? <NewVersionForm agreementId={a.id} today={today} /> : null}
            </section>
          ))}
        </CardContent>
      </Card>
      {canEdit ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>New agreement</h2>
            </CardTitle>
            <CardDescription>
              Model ranges: referral 5–25%, reseller 20–50%, MSP 15–40%, custom 5–50%.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <NewAgreementForm partnerId={partnerId} today={today} />
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
