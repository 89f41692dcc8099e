"use client";

import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { healthScore, type HealthWeights } from "@/lib/health/score";
import { cn } from "@/lib/utils";
import type { PreviewPartner } from "./health-weights-form";
import { HealthBadge } from "./health-badge";

/** Scores under the saved weights beside the scores the draft weights would give, computed by the same function. */
export function HealthPreview({
  partners,
  current,
  proposed,
}: {
  partners: PreviewPartner[];
  current: HealthWeights;
  proposed: HealthWeights | null;
}) {
  if (partners.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        Partners appear here once some are active or onboarding.
      </p>
    );
  return (
    <Table data-testid="health-preview">
      <TableCaption>
        {proposed ? "Preview of the draft weights (not saved yet)." : "Fix the weights to see a preview."}
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Partner</TableHead>
          <TableHead>Now</TableHead>
          <TableHead>With these weights</TableHead>
          <TableHead className="text-right">Change</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {partners.map((p) => {
          const before = healthScore(p.inputs, current).score;
          const after = proposed ? healthScore(p.inputs, proposed).score : null;
          const delta = after === null ? null : after - before;
          return (
            <TableRow key={p.id}>
              <TableCell className="font-medium">{p.name}</TableCell>
              <TableCell>
                <HealthBadge score={before} />
              </TableCell>
              <TableCell>{after === null ? "—" : <HealthBadge score={after} />}</TableCell>
              <TableCell
                className={cn(
                  "text-right tabular-nums",
                  delta && delta > 0 && "text-success",
                  delta && delta < 0 && "text-destructive",
                )}
              >
                {delta === null ? "—" : delta > 0 ? `+${delta}` : String(delta)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
