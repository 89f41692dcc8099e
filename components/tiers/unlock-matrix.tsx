import { Lock } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  CATEGORY_LABEL,
  isUnlocked,
  unlockGrid,
  type LadderTier,
  type TierFeature,
  type TierRank,
} from "@/lib/tiers/unlocks";

interface Props {
  features: readonly TierFeature[];
  ladder: readonly LadderTier[];
  /** The partner's tier rank; omitted on staff pages, where nothing is shown as locked. */
  rank?: TierRank;
  partnerView?: boolean;
}

/** The progressive unlock matrix from the tier_features data; for a partner, locked cells say which tier unlocks them. */
export function UnlockMatrix({ features, ladder, rank, partnerView = false }: Props) {
  const grid = unlockGrid(features, ladder);
  if (grid.length === 0) return <p className="text-sm text-muted-foreground">No tier features are configured yet.</p>;
  return (
    <div className="overflow-x-auto">
      <Table data-testid="unlock-matrix">
        <TableHeader>
          <TableRow>
            <TableHead>Feature</TableHead>
            {ladder.map((t) => (
              <TableHead key={t.id}>{t.name}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {grid.map((row) => (
            <TableRow key={row.category}>
              <TableCell className="font-medium">{CATEGORY_LABEL[row.category]}</TableCell>
              {row.cells.map((cell) => (
                <TableCell key={cell.tier.id}>
                  <ul className="grid gap-0.5">
                    {cell.features.map((f) => {
                      const locked = partnerView && !isUnlocked(f, ladder, rank);
                      return (
                        <li
                          key={f.id}
                          data-feature={f.key}
                          data-locked={locked ? "true" : "false"}
                          className={locked ? "text-muted-foreground" : undefined}
                        >
                          {locked ? (
                            <span className="inline-flex items-center gap-1" title={`Unlocks at ${f.tierName}`}>
                              <Lock className="size-3" aria-label={`Locked until ${f.tierName}`} />
                              {f.label}
                            </span>
                          ) : (
                            f.label
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
