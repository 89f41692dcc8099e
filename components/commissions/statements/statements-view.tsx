import { FileText } from "lucide-react";
import { PageSection } from "@/components/shell/page-section";
import { EmptyState } from "@/components/ui/empty-state";
import type { Statement } from "@/lib/commission-records/statements";
import type { Direction } from "@/lib/commissions/statement-periods";
import { exportHref, ExportLink } from "./export-link";
import { PayableStatement } from "./payable-statement";
import { ReceivableStatement } from "./receivable-statement";
import { TotalsTable, type TotalRow } from "./totals-table";

/** The period statement: receivable against receipts, payable against payments, totals in USD. */
export function StatementsView({
  statement,
  direction,
  partnerId,
  canSeePayable,
}: {
  statement: Statement;
  direction: Direction | undefined;
  partnerId: string | undefined;
  canSeePayable: boolean;
}) {
  const { period, totals, receiptsVisible } = statement;
  const href = exportHref({ type: "statement", period: period.key, partner: partnerId, direction });
  const empty = statement.receivable.length === 0 && statement.payable.length === 0;
  const receivableTotals: TotalRow[] = [
    { label: "Expected", converted: totals.expected },
    ...(receiptsVisible
      ? [
          { label: "Received", converted: totals.received },
          { label: "Difference", converted: totals.difference, difference: true },
        ]
      : []),
  ];
  return (
    <div className="grid gap-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          Lines due {period.start} to {period.end} that are earned, approved or paid; clawbacks are netted.
        </p>
        <ExportLink href={href}>Export lines (CSV)</ExportLink>
      </div>
      {empty ? (
        <EmptyState
          icon={FileText}
          titleAs="h2"
          title={`Nothing due in ${period.label}`}
          description="No commission line you can see is earned and due in this period, and no payment was recorded. Try another period or partner; open deals show under Forecast."
        />
      ) : (
        <>
          {direction !== "payable" ? (
            <PageSection
              id="receivable"
              title="Receivable: ISV vendors pay us"
              description={
                receiptsVisible
                  ? "Expected commissions against the payments finance recorded in the period."
                  : "Expected commissions of the deals you can see; payments received are visible to finance and the VP."
              }
            >
              <ReceivableStatement statement={statement} />
              {statement.receivable.length > 0 ? (
                <TotalsTable caption="Receivable totals" rows={receivableTotals} />
              ) : null}
            </PageSection>
          ) : null}
          {direction !== "receivable" ? (
            <PageSection
              id="payable"
              title="Payable: we pay program partners"
              description="Owed is earned or approved and not yet paid; clawbacks reduce what we still owe."
            >
              <PayableStatement statement={statement} canSeePayable={canSeePayable} />
              {statement.payable.length > 0 ? (
                <TotalsTable
                  caption="Payable totals"
                  rows={[
                    { label: "Owed", converted: totals.owed },
                    { label: "Clawbacks", converted: totals.clawbacks },
                    { label: "Net owed", converted: totals.net },
                    { label: "Paid", converted: totals.paid },
                  ]}
                />
              ) : null}
            </PageSection>
          ) : null}
        </>
      )}
    </div>
  );
}
