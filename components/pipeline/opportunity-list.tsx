"use client";

import { ArrowDown, ArrowUp, Download, SearchX } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import { bulkUpdateOpportunitiesAction } from "@/lib/opportunities/actions";
import type { OpportunityListRow, PipelineOptions, StageRow } from "@/lib/opportunities/queries";
import { ImportDialog } from "./import-dialog";
import { usePipelineParams } from "./use-pipeline-params";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

interface Props {
  rows: OpportunityListRow[];
  total: number;
  page: number;
  pageSize: number;
  stages: StageRow[];
  options: PipelineOptions;
  canReassign: boolean;
  canImport: boolean;
}

export function OpportunityList({ rows, total, page, pageSize, stages, options, canReassign, canImport }: Props) {
  const { params, set } = usePipelineParams();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, startTransition] = useTransition();
  const sort = params.get("sort") ?? "updated";
  const dir = params.get("dir") ?? "desc";
  const pages = Math.max(1, Math.ceil(total / pageSize));

  const sortHeader = (key: string, label: string, className?: string) => (
    <TableHead className={className} aria-sort={sort === key ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className="inline-flex items-center gap-1 rounded font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring" onClick={() => set({ sort: key, dir: sort === key && dir === "desc" ? "asc" : "desc" })}>
        {label}
        {sort === key ? dir === "asc" ? <ArrowUp aria-hidden className="size-3" /> : <ArrowDown aria-hidden className="size-3" /> : null}
      </button>
    </TableHead>
  );

  function bulk(change: { toStageId?: string; ownerId?: string }) {
    const ids = [...selected];
    startTransition(async () => {
      const result = await bulkUpdateOpportunitiesAction({ ids, ...change });
      if (result.ok) {
        toast.success(`${result.data.count} opportunities updated`);
        setSelected(new Set());
      } else toast.error(result.error, { description: "Nothing was changed." });
    });
  }

  const exportHref = `/api/opportunities/export?${params.toString()}`;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {total} {total === 1 ? "opportunity" : "opportunities"}
          {selected.size ? ` · ${selected.size} selected` : ""}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {selected.size > 0 ? (
            <>
              <NativeSelect aria-label="Move selected to stage" size="sm" wrapperClassName="w-44" value="" disabled={pending} onChange={(e) => e.target.value && bulk({ toStageId: e.target.value })}>
                <NativeSelectOption value="">Move to stage…</NativeSelectOption>
                {stages.filter((s) => !s.isWon && !s.isLost).map((s) => (
                  <NativeSelectOption key={s.id} value={s.id}>
                    {s.name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
              {canReassign ? (
                <NativeSelect aria-label="Reassign selected" size="sm" wrapperClassName="w-44" value="" disabled={pending} onChange={(e) => e.target.value && bulk({ ownerId: e.target.value })}>
                  <NativeSelectOption value="">Reassign to…</NativeSelectOption>
                  {options.owners.map((o) => (
                    <NativeSelectOption key={o.id} value={o.id}>
                      {o.name}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              ) : null}
            </>
          ) : null}
          {canImport ? <ImportDialog /> : null}
          <Button asChild variant="outline" size="sm">
            <a href={exportHref} download>
              <Download aria-hidden /> Export CSV
            </a>
          </Button>
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={SearchX} title="No opportunities match" description="Change or clear the filters to see more." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <Checkbox aria-label="Select all on this page" checked={selected.size === rows.length ? true : selected.size ? "indeterminate" : false} onCheckedChange={(v) => setSelected(v ? new Set(rows.map((r) => r.id)) : new Set())} />
              </TableHead>
              {sortHeader("customer", "Customer")}
              <TableHead>Stage</TableHead>
              {sortHeader("value", "Value", "text-right")}
              <TableHead className="hidden lg:table-cell">ISV partner</TableHead>
              <TableHead className="hidden xl:table-cell">Referred by</TableHead>
              <TableHead className="hidden md:table-cell">Owner</TableHead>
              {sortHeader("close", "Close date")}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-state={selected.has(r.id) ? "selected" : undefined}>
                <TableCell>
                  <Checkbox
                    aria-label={`Select ${r.customerName}`}
                    checked={selected.has(r.id)}
                    onCheckedChange={(v) => setSelected((s) => { const n = new Set(s); if (v) n.add(r.id); else n.delete(r.id); return n; })}
                  />
                </TableCell>
                <TableCell>
                  <span className="font-medium">{r.customerName}</span>
                  {r.title ? <span className="block text-xs text-muted-foreground">{r.title}</span> : null}
                </TableCell>
                <TableCell>{r.stageName}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(r.valueMinor, r.currency)}</TableCell>
                <TableCell className="hidden lg:table-cell">{r.isvPartnerName ?? "—"}</TableCell>
                <TableCell className="hidden xl:table-cell">{r.referringPartnerName ?? "—"}</TableCell>
                <TableCell className="hidden md:table-cell">{r.ownerName}</TableCell>
                <TableCell>{r.actualCloseDate ? dateFormat.format(new Date(`${r.actualCloseDate}T00:00:00Z`)) : r.expectedCloseDate ? dateFormat.format(new Date(`${r.expectedCloseDate}T00:00:00Z`)) : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2 text-sm">
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => set({ page: String(page - 1) })}>
            Previous
          </Button>
          <span>
            Page {page} of {pages}
          </span>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => set({ page: String(page + 1) })}>
            Next
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
