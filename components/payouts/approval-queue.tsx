"use client";

import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions/safe-action";
import { formatMoney } from "@/lib/money";
import type { ApprovalLine } from "@/lib/payouts/approval-queue";
import { approveLinesAction, rejectLinesAction, undoRejectionAction } from "@/lib/payouts/approval";

function HoldingBadge({ line }: { line: ApprovalLine }) {
  if (line.holding === "rejected") return <Badge variant="destructive">Rejected</Badge>;
  if (line.holding === "ready") return <Badge variant="success">Ready</Badge>;
  if (line.kind === "clawback") return <Badge variant="warning">Waits for its original line</Badge>;
  return <Badge variant="warning">Holding until {line.readyOn}</Badge>;
}

function totalsOf(lines: ApprovalLine[]) {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l.currency, (totals.get(l.currency) ?? 0) + l.amountMinor);
  return [...totals.entries()].map(([c, m]) => formatMoney(m, c)).join(" + ");
}

/**
 * Earned payable lines with bulk approve / reject / undo. `readOnlyReason` is set for the VP, who sees
 * the queue but does not act on it.
 */
export function ApprovalQueue({ lines, view, readOnlyReason }: { lines: ApprovalLine[]; view: "open" | "rejected"; readOnlyReason: string | null }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const selectable = useMemo(
    () =>
      lines.filter(
        (l) =>
          view === "rejected" ||
          l.holding === "ready" ||
          (l.kind === "clawback" && lines.some((o) => o.id === l.clawbackOf && o.holding === "ready")),
      ),
    [lines, view],
  );
  const chosen = lines.filter((l) => selected.has(l.id));
  const allChosen = selectable.length > 0 && selectable.every((l) => selected.has(l.id));

  if (lines.length === 0) {
    return (
      <EmptyState
        title={view === "rejected" ? "No rejected lines" : "Nothing waits for approval"}
        description={
          view === "rejected"
            ? "Lines you reject appear here with the reason, until you undo the rejection."
            : "Earned commissions we owe partners appear here once their deal is won."
        }
      />
    );
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const run = (fn: () => Promise<ActionResult<unknown>>, success: string) =>
    startTransition(async () => {
      const result = await fn();
      if (result.ok) {
        setErrors({});
        setSelected(new Set());
        setReason("");
        toast.success(success);
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error);
      }
    });
  const ids = [...selected];

  return (
    <div className="grid gap-4" data-testid="approval-queue">
      {readOnlyReason ? (
        <p className="rounded-md border bg-muted/40 p-3 text-sm text-muted-foreground" role="note">
          {readOnlyReason}
        </p>
      ) : (
        <div className="grid gap-3 rounded-lg border p-3" role="group" aria-label="Bulk actions">
          <p className="text-sm" aria-live="polite">
            {chosen.length === 0 ? "Select lines to act on them." : `${chosen.length} selected · ${totalsOf(chosen)}`}
          </p>
          {view === "open" ? (
            <div className="grid gap-3 md:grid-cols-[auto_1fr_auto] md:items-end">
              <Button
                disabled={pending || chosen.length === 0}
                onClick={() => run(() => approveLinesAction({ lineIds: ids }), `Approved ${ids.length} ${ids.length === 1 ? "line" : "lines"}`)}
              >
                Approve selected
              </Button>
              <FormField id="reject-reason" label="Reason to reject" error={errors.reason}>
                <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Duplicate referral" maxLength={500} />
              </FormField>
              <Button
                variant="outline"
                disabled={pending || chosen.length === 0}
                onClick={() => run(() => rejectLinesAction({ lineIds: ids, reason }), `Rejected ${ids.length} ${ids.length === 1 ? "line" : "lines"}`)}
              >
                Reject selected
              </Button>
            </div>
          ) : (
            <Button
              className="w-fit"
              variant="outline"
              disabled={pending || chosen.length === 0}
              onClick={() => run(() => undoRejectionAction({ lineIds: ids }), "Back in the approval queue")}
            >
              Undo rejection
            </Button>
          )}
          {errors.lineIds ? (
            <ul className="grid gap-1 text-sm text-destructive" role="alert">
              {errors.lineIds.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      <div className="relative overflow-x-auto">
        <Table>
          <TableHeader>
            <TableRow>
              {readOnlyReason ? null : (
                <TableHead className="w-10">
                  <Checkbox
                    aria-label="Select every line that can be selected"
                    checked={allChosen ? true : selected.size > 0 ? "indeterminate" : false}
                    disabled={selectable.length === 0}
                    onCheckedChange={(on) => setSelected(on === true ? new Set(selectable.map((l) => l.id)) : new Set())}
                  />
                </TableHead>
              )}
              <TableHead>Partner</TableHead>
              <TableHead>Line</TableHead>
              <TableHead>Due</TableHead>
              <TableHead>State</TableHead>
              <TableHead className="text-right">Amount</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.id} data-state={selected.has(l.id) ? "selected" : undefined}>
                {readOnlyReason ? null : (
                  <TableCell>
                    <Checkbox
                      aria-label={`Select ${l.partnerName}: ${l.label}`}
                      checked={selected.has(l.id)}
                      disabled={!selectable.includes(l)}
                      onCheckedChange={(on) => toggle(l.id, on === true)}
                    />
                  </TableCell>
                )}
                <TableCell className="font-medium">{l.partnerName}</TableCell>
                <TableCell>
                  <div className="grid gap-0.5">
                    <span>{l.label}</span>
                    <span className="text-xs text-muted-foreground">
                      {l.customerName ?? "Deal"} · {l.kind.replace("_", " ")}
                      {l.kind === "one_time" && l.closeDate ? ` · closed ${l.closeDate}` : ""}
                    </span>
                    {l.rejectedReason ? <span className="text-xs text-destructive">“{l.rejectedReason}”</span> : null}
                  </div>
                </TableCell>
                <TableCell className="tabular-nums">{l.dueDate}</TableCell>
                <TableCell>
                  <HoldingBadge line={l} />
                </TableCell>
                <TableCell className={`text-right tabular-nums ${l.amountMinor < 0 ? "text-destructive" : ""}`}>
                  {formatMoney(l.amountMinor, l.currency)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
