import { Lock } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  CATEGORY_LABEL,
  TIER_KEYS,
  TIER_LABEL,
  UNLOCK_CATEGORIES,
  UNLOCK_MATRIX,
  isUnlocked,
  type TierRef,
} from "@/lib/tiers/unlocks";

/** The progressive unlock matrix; with a partner's tier, locked cells say which tier unlocks them. */
export function UnlockMatrix({ tier }: { tier?: TierRef }) {
  return (
    <Table data-testid="unlock-matrix">
      <TableHeader>
        <TableRow>
          <TableHead>Feature</TableHead>
          {TIER_KEYS.map((t) => (
            <TableHead key={t}>{TIER_LABEL[t]}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {UNLOCK_CATEGORIES.map((c) => (
          <TableRow key={c}>
            <TableCell className="font-medium">{CATEGORY_LABEL[c]}</TableCell>
            {TIER_KEYS.map((t) => {
              const locked = tier !== undefined && !isUnlocked(t, tier);
              return (
                <TableCell key={t} className={locked ? "text-muted-foreground" : undefined}>
                  {locked ? (
                    <span className="inline-flex items-center gap-1" title={`Unlocks at ${TIER_LABEL[t]}`}>
                      <Lock className="size-3" aria-label={`Locked until ${TIER_LABEL[t]}`} />
                      {UNLOCK_MATRIX[c][t]}
                    </span>
                  ) : (
                    UNLOCK_MATRIX[c][t]
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
