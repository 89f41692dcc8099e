"use client";

import { Copy } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { formatMoney, minorDigits } from "@/lib/money";
import { cloneOpportunityAction } from "@/lib/opportunities/actions";
import type { PipelineOptions, StageRow } from "@/lib/opportunities/queries";
import { OpportunityCommissions, type CommissionPermissions } from "@/components/commissions/opportunity-commissions";
import type { OpportunityCommission } from "@/lib/commission-records/queries";
import { OpportunityForm, type OpportunityFormValues } from "./opportunity-form";
import { usePipelineParams } from "./use-pipeline-params";

export interface OpportunityDetail {
  id: string;
  customerName: string;
  title: string | null;
  contactName: string | null;
  contactEmail: string | null;
  technicalContactName: string | null;
  technicalContactEmail: string | null;
  valueMinor: number;
  currency: string;
  ownerId: string;
  isvPartnerId: string | null;
  referringPartnerId: string | null;
  domain: string | null;
  expectedCloseDate: string | null;
  notes: string | null;
  stageId: string;
  lossReason: string | null;
  history: { id: string; fromStageId: string | null; toStageId: string; movedAt: Date; justification: string | null; movedByName: string | null }[];
}

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

interface Props {
  detail: OpportunityDetail | null;
  commissions: OpportunityCommission[];
  creating: boolean;
  notFound: boolean;
  options: PipelineOptions;
  stages: StageRow[];
  currentUserId: string;
  canAssign: boolean;
  commissionPermissions: CommissionPermissions;
}

export function OpportunitySheet({ detail, commissions, creating, notFound, options, stages, currentUserId, canAssign, commissionPermissions }: Props) {
  const { set } = usePipelineParams();
  const [pending, startTransition] = useTransition();
  const open = creating || Boolean(detail) || notFound;
  const stageName = (id: string | null) => stages.find((s) => s.id === id)?.name ?? "—";
  const close = () => set({ opportunity: null, new: null });

  const values: OpportunityFormValues = detail
    ? { ...detail, value: (detail.valueMinor / 10 ** minorDigits(detail.currency)).toFixed(minorDigits(detail.currency)) }
    : { currency: options.currency, ownerId: currentUserId };

  return (
    <Sheet open={open} onOpenChange={(o) => (o ? undefined : close())}>
      <SheetContent
        className="w-full overflow-y-auto sm:max-w-xl"
        // An existing deal opens to read: focus the sheet, not its first field (which the dialog would select).
        onOpenAutoFocus={(e) => {
          if (!detail) return;
          e.preventDefault();
          (e.target as HTMLElement | null)?.focus();
        }}
      >
        <SheetHeader>
          <SheetTitle>{detail ? detail.customerName : notFound ? "Opportunity not found" : "New opportunity"}</SheetTitle>
          <SheetDescription>
            {detail
              ? `${stageName(detail.stageId)} · ${formatMoney(detail.valueMinor, detail.currency)}${detail.lossReason ? ` · Lost: ${detail.lossReason}` : ""}`
              : notFound
                ? "It may have been deleted, or it is not visible to you."
                : "Add a deal to the pipeline."}
          </SheetDescription>
        </SheetHeader>
        {notFound ? null : (
          <div className="grid gap-6 px-4 pb-6">
            <OpportunityForm
              key={detail?.id ?? "new"}
              values={values}
              options={options}
              stages={stages}
              currentUserId={currentUserId}
              canAssign={canAssign}
              onSaved={(id) => set({ opportunity: id, new: null })}
            />
            {detail ? (
              <>
                <Button
                  variant="outline"
                  size="sm"
                  className="justify-self-start"
                  disabled={pending}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await cloneOpportunityAction({ id: detail.id });
                      if (result.ok) {
                        toast.success("Copy created in the first stage");
                        set({ opportunity: result.data.id });
                      } else toast.error(result.error);
                    })
                  }
                >
                  <Copy aria-hidden /> Clone
                </Button>
                <section aria-labelledby="commissions-heading" className="grid gap-2">
                  <h3 id="commissions-heading" className="text-sm font-semibold">
                    Commissions
                  </h3>
                  <OpportunityCommissions opportunityId={detail.id} schedules={commissions} permissions={commissionPermissions} />
                </section>
                <section aria-labelledby="history-heading" className="grid gap-2">
                  <h3 id="history-heading" className="text-sm font-semibold">
                    Stage history
                  </h3>
                  <ol className="grid gap-2 border-l pl-4" data-testid="stage-history">
                    {detail.history.map((h) => (
                      <li key={h.id} className="text-sm">
                        <span className="font-medium">{h.fromStageId ? `${stageName(h.fromStageId)} → ${stageName(h.toStageId)}` : `Created in ${stageName(h.toStageId)}`}</span>
                        <span className="block text-xs text-muted-foreground">
                          {timeFormat.format(new Date(h.movedAt))}
                          {h.movedByName ? ` · ${h.movedByName}` : ""}
                        </span>
                        {h.justification ? <span className="mt-1 block rounded-md bg-muted px-2 py-1 text-xs">“{h.justification}”</span> : null}
                      </li>
                    ))}
                  </ol>
                </section>
              </>
            ) : null}
          </div>
        )}
      </SheetContent>
    </Sheet>
  );
}
