"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/settings/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { requestOverrideAction, withdrawOverrideAction } from "@/lib/commission-records/override-actions";
import type { OpportunityCommission } from "@/lib/commission-records/queries";
import { MODEL_RANGES } from "@/lib/commissions/ranges";
import { recordRefundAction } from "@/lib/commission-records/refund-actions";
import { formatMoney } from "@/lib/money";
import { TraceList } from "./trace-list";

const DIRECTION = { receivable: "ISV pays us", payable: "We pay the partner" } as const;
const SOURCE: Record<string, string> = {
  override: "override",
  customer: "customer rate",
  promotion: "promotion",
  volume_tier: "volume tier",
  base: "agreement rate",
};
const STATUS_VARIANT = { forecast: "secondary", earned: "default", approved: "success", paid: "success", clawed_back: "destructive" } as const;

export interface CommissionPermissions {
  /** The deal's owner, a VP or finance. */
  canOverride: boolean;
  /** VP or finance, on a won deal. */
  canRefund: boolean;
  currentUserId: string;
  isVp: boolean;
}

function OverrideForm({ opportunityId, schedule, onDone }: { opportunityId: string; schedule: OpportunityCommission; onDone: () => void }) {
  const form = useActionForm(requestOverrideAction, (d) => (d.status === "pending" ? "Override sent to the VP for approval" : "Override applied"));
  const range = MODEL_RANGES[schedule.model];
  const id = `override-${schedule.id}`;
  return (
    <form
      onSubmit={(e) => {
        form.onSubmit(e);
      }}
      noValidate
      className="grid gap-3 rounded-md border border-dashed p-3"
      aria-label={`Override the rate for ${schedule.partnerName}`}
    >
      <input type="hidden" name="opportunityId" value={opportunityId} />
      <input type="hidden" name="agreementId" value={schedule.agreementId} />
      <FormField id={`${id}-rate`} label="Rate %" description={`${schedule.model} range ${range.min}–${range.max}%; outside it the VP approves`} error={form.errors.rate}>
        <Input name="rate" inputMode="decimal" defaultValue={Number(schedule.effectiveRate).toString()} />
      </FormField>
      <FormField id={`${id}-reason`} label="Reason" error={form.errors.reason}>
        <Textarea name="reason" rows={2} placeholder="Why this deal earns a different rate" />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={form.pending}>
          Save override
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function OverrideState({ schedule, permissions }: { schedule: OpportunityCommission; permissions: CommissionPermissions }) {
  const [pending, startTransition] = useTransition();
  const o = schedule.override;
  if (!o) return null;
  const waiting = o.status === "pending";
  return (
    <div className={`flex flex-wrap items-center gap-2 rounded-md px-3 py-2 text-sm ${waiting ? "bg-amber-500/10" : "bg-muted/50"}`} data-testid="override-state">
      <Badge variant={waiting ? "warning" : "success"}>{waiting ? "Awaiting VP approval" : "Override applied"}</Badge>
      <span className="tabular-nums">{Number(o.rate)}%</span>
      <span className="text-muted-foreground">— {o.reason}</span>
      {permissions.canOverride ? (
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await withdrawOverrideAction({ overrideId: o.id });
              if (result.ok) toast.success("Override withdrawn; the agreement rate applies");
              else toast.error(result.error);
            })
          }
        >
          Withdraw
        </Button>
      ) : null}
    </div>
  );
}

function RefundForm({ opportunityId }: { opportunityId: string }) {
  const [open, setOpen] = useState(false);
  const form = useActionForm(recordRefundAction, (d) => `${d.lines} clawback ${d.lines === 1 ? "line" : "lines"} added`);
  if (!open)
    return (
      <Button variant="outline" size="sm" className="justify-self-start" onClick={() => setOpen(true)}>
        Record refund or cancellation
      </Button>
    );
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid gap-3 rounded-md border border-dashed p-3" aria-label="Record a refund">
      <input type="hidden" name="opportunityId" value={opportunityId} />
      <p className="text-sm text-muted-foreground">Adds negative clawback lines linked to each earned, approved or paid line. Nothing already recorded is edited.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="refund-share" label="Refunded share %" error={form.errors.share}>
          <Input name="share" inputMode="decimal" defaultValue="100" />
        </FormField>
        <FormField id="refund-date" label="Refund date" error={form.errors.date}>
          <Input name="date" type="date" defaultValue={new Date().toISOString().slice(0, 10)} />
        </FormField>
      </div>
      <FormField id="refund-reason" label="Reason" error={form.errors.reason}>
        <Input name="reason" placeholder="Customer cancelled within 30 days" />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="destructive" disabled={form.pending}>
          Add clawback
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function ScheduleCard({ opportunityId, schedule, permissions }: { opportunityId: string; schedule: OpportunityCommission; permissions: CommissionPermissions }) {
  const [overriding, setOverriding] = useState(false);
  const statuses = [...new Set(schedule.lines.map((l) => l.status))];
  const net = schedule.lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const frozen = schedule.lines.some((l) => l.status !== "forecast" && l.status !== "earned") || schedule.lines.some((l) => l.kind === "clawback");
  return (
    <article className="grid gap-3 rounded-lg border p-3" data-testid="commission-schedule" aria-label={`${DIRECTION[schedule.direction]}: ${schedule.partnerName}`}>
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{DIRECTION[schedule.direction]}</span>
        <span className="text-muted-foreground">
          {schedule.partnerName} · {schedule.agreementName}
        </span>
        <span className="ml-auto font-semibold tabular-nums">{formatMoney(net, schedule.currency)}</span>
        {statuses.map((s) => (
          <Badge key={s} variant={STATUS_VARIANT[s]}>
            {s.replace("_", " ")}
          </Badge>
        ))}
      </header>
      <p className="text-xs text-muted-foreground">
        Effective rate {Number(schedule.effectiveRate)}% ({SOURCE[schedule.rateSource] ?? schedule.rateSource}) ·{" "}
        {schedule.lines.length} {schedule.lines.length === 1 ? "line" : "lines"}
        {frozen ? " · approved numbers are frozen" : ""}
      </p>
      <OverrideState schedule={schedule} permissions={permissions} />
      {permissions.canOverride && !frozen && !overriding ? (
        <Button variant="outline" size="sm" className="justify-self-start" onClick={() => setOverriding(true)}>
          {schedule.override ? "Change override" : "Override rate"}
        </Button>
      ) : null}
      {overriding ? <OverrideForm opportunityId={opportunityId} schedule={schedule} onDone={() => setOverriding(false)} /> : null}
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Commission lines</caption>
          <thead className="text-left text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">Due</th>
              <th scope="col" className="py-1 pr-2 font-medium">Line</th>
              <th scope="col" className="py-1 pr-2 font-medium">Status</th>
              <th scope="col" className="py-1 text-right font-medium">Amount</th>
            </tr>
          </thead>
          <tbody>
            {schedule.lines.map((l) => (
              <tr key={l.id} className="border-t">
                <td className="py-1 pr-2 tabular-nums">{l.dueDate}</td>
                <td className="py-1 pr-2">{l.label}</td>
                <td className="py-1 pr-2">{l.status.replace("_", " ")}</td>
                <td className={`py-1 text-right tabular-nums ${l.amountMinor < 0 ? "text-destructive" : ""}`}>{formatMoney(l.amountMinor, l.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-medium">How this was calculated</summary>
        <div className="mt-2">
          <TraceList trace={schedule.trace} currency={schedule.currency} downloadName={`commission-trace-${schedule.id}.json`} />
        </div>
      </details>
    </article>
  );
}

/** A deal's commission schedules by direction and partner: lines, trace, overrides and refunds. */
export function OpportunityCommissions({ opportunityId, schedules, permissions }: { opportunityId: string; schedules: OpportunityCommission[]; permissions: CommissionPermissions }) {
  if (schedules.length === 0) {
    return <p className="text-sm text-muted-foreground">No commission applies: the deal has no ISV or referring partner with an active agreement you can see.</p>;
  }
  return (
    <div className="grid gap-3" data-testid="opportunity-commissions">
      {schedules.map((s) => (
        <ScheduleCard key={s.id} opportunityId={opportunityId} schedule={s} permissions={permissions} />
      ))}
      {permissions.canRefund ? <RefundForm opportunityId={opportunityId} /> : null}
    </div>
  );
}
