"use client";

import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOptGroup, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { KIND_LABELS } from "@/components/partners/labels";
import type { CommissionTab, Period } from "@/lib/commissions/statement-periods";
import type { StatementPartner } from "@/lib/commission-records/statements";
import { useCommissionParams } from "./use-commission-params";

const USES: Record<CommissionTab, { partner: boolean; period: boolean; direction: boolean }> = {
  statements: { partner: true, period: true, direction: true },
  forecast: { partner: true, period: false, direction: true },
  receipts: { partner: true, period: true, direction: false },
  overrides: { partner: false, period: false, direction: false },
};

/** Partner, period and direction pickers; each change replaces the URL and the server renders the tab again. */
export function ReportFilters({
  tab,
  partners,
  partnerId,
  period,
  periods,
  direction,
}: {
  tab: CommissionTab;
  partners: StatementPartner[];
  partnerId: string | undefined;
  period: Period;
  periods: { quarters: Period[]; months: Period[] };
  direction: string | undefined;
}) {
  const { set, pending } = useCommissionParams();
  const uses = USES[tab];
  if (!uses.partner && !uses.period && !uses.direction) return null;
  const shownPartners = tab === "receipts" ? partners.filter((p) => p.kind !== "program") : partners;
  return (
    <div role="group" aria-label="Report filters" className="flex flex-wrap items-end gap-3">
      {uses.partner ? (
        <div className="grid w-full gap-1.5 sm:w-64">
          <Label htmlFor="filter-partner">Partner</Label>
          <NativeSelect
            id="filter-partner"
            value={partnerId ?? ""}
            onChange={(e) => set({ partner: e.target.value })}
          >
            <NativeSelectOption value="">All partners</NativeSelectOption>
            {shownPartners.map((p) => (
              <NativeSelectOption key={p.id} value={p.id}>
                {`${p.name} · ${KIND_LABELS[p.kind]}`}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
      ) : null}
      {uses.period ? (
        <div className="grid w-full gap-1.5 sm:w-44">
          <Label htmlFor="filter-period">Period</Label>
          <NativeSelect
            id="filter-period"
            value={period.key}
            onChange={(e) => set({ period: e.target.value })}
          >
            <NativeSelectOptGroup label="Quarters">
              {periods.quarters.map((p) => (
                <NativeSelectOption key={p.key} value={p.key}>
                  {p.label}
                </NativeSelectOption>
              ))}
            </NativeSelectOptGroup>
            <NativeSelectOptGroup label="Months">
              {periods.months.map((p) => (
                <NativeSelectOption key={p.key} value={p.key}>
                  {p.label}
                </NativeSelectOption>
              ))}
            </NativeSelectOptGroup>
          </NativeSelect>
        </div>
      ) : null}
      {uses.direction ? (
        <div className="grid w-full gap-1.5 sm:w-56">
          <Label htmlFor="filter-direction">Direction</Label>
          <NativeSelect
            id="filter-direction"
            value={direction ?? ""}
            onChange={(e) => set({ direction: e.target.value })}
          >
            <NativeSelectOption value="">Receivable and payable</NativeSelectOption>
            <NativeSelectOption value="receivable">Receivable: ISVs pay us</NativeSelectOption>
            <NativeSelectOption value="payable">Payable: we pay partners</NativeSelectOption>
          </NativeSelect>
        </div>
      ) : null}
      {pending ? <Spinner label="Updating the report" className="mb-2.5 text-muted-foreground" /> : null}
    </div>
  );
}
