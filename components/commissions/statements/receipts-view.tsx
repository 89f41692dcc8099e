import { Lock, Wallet } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Converted } from "@/lib/commissions/statement-math";
import type { Period } from "@/lib/commissions/statement-periods";
import type { Receipt, ReceiptOptions } from "@/lib/commission-records/statements";
import { formatMoney } from "@/lib/money";
import { ReceiptForm } from "./receipt-form";
import { TotalsTable } from "./totals-table";

export function ReceiptsRestricted() {
  return (
    <EmptyState
      icon={Lock}
      titleAs="h2"
      title="Only finance and the VP see payments received"
      description="Finance records the payments ISV vendors make and compares them with what was expected. Your statements show what your deals are expected to bring in."
    />
  );
}

/** Payments received in the period; finance also gets the form to record one. */
export function ReceiptsView({
  receipts,
  total,
  period,
  form,
}: {
  receipts: Receipt[];
  total: Converted;
  period: Period;
  form: { options: ReceiptOptions; today: string; partnerId?: string } | null;
}) {
  return (
    <div className="grid gap-6">
      {form ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Record a payment received</h2>
            </CardTitle>
            <CardDescription>
              Recorded payments are never edited: record a negative amount to correct one.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ReceiptForm options={form.options} today={form.today} defaultPartnerId={form.partnerId} />
          </CardContent>
        </Card>
      ) : (
        <p className="text-sm text-muted-foreground">
          Finance records payments received; this list is read-only for you.
        </p>
      )}
      <section aria-labelledby="receipts-list" className="grid min-w-0 gap-4">
        <h2 id="receipts-list" className="text-lg font-semibold tracking-tight">
          Received in {period.label}
        </h2>
        {receipts.length === 0 ? (
          <EmptyState
            icon={Wallet}
            title={`No payment recorded in ${period.label}`}
            description={
              form
                ? "Payments you record with a date in this period appear here."
                : "Payments finance records with a date in this period appear here."
            }
          />
        ) : (
          <>
            <Table aria-label={`Payments received in ${period.label}`}>
              <TableHeader>
                <TableRow>
                  <TableHead>Received</TableHead>
                  <TableHead>ISV vendor</TableHead>
                  <TableHead>Reference</TableHead>
                  <TableHead>Deal</TableHead>
                  <TableHead className="text-right">Amount</TableHead>
                  <TableHead>Recorded by</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {receipts.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell className="align-top tabular-nums">{r.receivedOn}</TableCell>
                    <TableCell className="align-top font-medium whitespace-normal">{r.partnerName}</TableCell>
                    <TableCell className="max-w-60 align-top whitespace-normal">
                      {r.reference}
                      {r.note ? <span className="block text-xs text-muted-foreground">{r.note}</span> : null}
                    </TableCell>
                    <TableCell className="align-top whitespace-normal">
                      {r.customerName ?? <span className="text-muted-foreground">—</span>}
                    </TableCell>
                    <TableCell
                      className={
                        r.amountMinor < 0
                          ? "text-right align-top text-destructive tabular-nums"
                          : "text-right align-top tabular-nums"
                      }
                    >
                      {formatMoney(r.amountMinor, r.currency)}
                      {r.amountMinor < 0 ? <span className="block text-xs">correction</span> : null}
                    </TableCell>
                    <TableCell className="align-top">{r.recordedBy ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <TotalsTable caption="Total received" rows={[{ label: "Received", converted: total }]} />
          </>
        )}
      </section>
    </div>
  );
}
