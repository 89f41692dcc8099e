"use client";

import { ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TableCell, TableRow } from "@/components/ui/table";
import type { StatementLine } from "@/lib/commission-records/statements";
import { cn } from "@/lib/utils";
import { StatementLines } from "./statement-lines";

/**
 * A partner's statement row with a disclosure button that opens its lines in a full-width row beneath.
 * Lines travel as data and render only when opened, which keeps a statement of many partners light.
 */
export function ExpandableRow({
  cells,
  partnerName,
  lines,
  lineCount,
  emptyText,
  label,
}: {
  cells: React.ReactNode[];
  partnerName: string;
  lines: StatementLine[];
  lineCount: number;
  /** Shown when opened with no line, e.g. a payment received with nothing due. */
  emptyText: string;
  /** What the button opens, for screen readers: "receivable lines of Acme". */
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  return (
    <>
      <TableRow data-state={open ? "open" : "closed"}>
        {cells.map((cell, index) => (
          <TableCell key={index} className={cn("align-top", index > 0 && "text-right")}>
            {cell}
          </TableCell>
        ))}
        <TableCell className="w-24 text-right align-top">
          <Button
            type="button"
            variant="ghost"
            size="sm"
            aria-expanded={open}
            aria-controls={detailId}
            aria-label={`${open ? "Hide" : "Show"} ${lineCount} ${label}`}
            onClick={() => setOpen((v) => !v)}
          >
            <ChevronRight aria-hidden className={cn("transition-transform", open && "rotate-90")} />
            {lineCount}
          </Button>
        </TableCell>
      </TableRow>
      <TableRow id={detailId} hidden={!open} className="bg-muted/30 hover:bg-muted/30">
        <TableCell colSpan={cells.length + 1} className="p-0 whitespace-normal">
          {open ? (
            lines.length > 0 ? (
              <StatementLines lines={lines} lineCount={lineCount} partnerName={partnerName} />
            ) : (
              <p className="p-4 text-sm text-muted-foreground">{emptyText}</p>
            )
          ) : null}
        </TableCell>
      </TableRow>
    </>
  );
}
