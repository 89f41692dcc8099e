import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionItem } from "@/lib/tiers/action-items";
import type { TierProgress } from "@/lib/tiers/evaluate";
import { CATEGORY_LABEL, lockedReason, type TierFeature } from "@/lib/tiers/unlocks";
import { ProgressBar } from "./progress-bar";

const CADENCE: Record<string, string> = {
  monthly: "monthly",
  biweekly: "every two weeks",
  weekly: "weekly",
  realtime: "as soon as approved",
};

interface Props {
  tier: { name: string; color: string; rate: string; cadence: string } | null;
  /** What the next tier unlocks (from the tier_features data). */
  unlocks: TierFeature[];
  progress: TierProgress;
  money: (minor: number) => string;
  actions: ActionItem[];
}

export function TierCard({ tier, unlocks, progress, money, actions }: Props) {
  return (
    <Card data-testid="tier-card">
      <CardHeader>
        <CardDescription>Your tier</CardDescription>
        <CardTitle className="flex items-center gap-2 text-2xl">
          <span aria-hidden className="size-3 rounded-full" style={{ backgroundColor: tier?.color }} />
          <span data-testid="tier-name">{tier?.name ?? "Not assigned"}</span>
        </CardTitle>
        {tier ? (
          <p className="text-sm text-muted-foreground">
            {Number(tier.rate)}% commission, paid {CADENCE[tier.cadence] ?? tier.cadence}.
          </p>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {progress.next ? (
          <div className="grid gap-3" data-testid="tier-progress">
            <p className="text-sm font-medium">Progress to {progress.next.name} (trailing 90 days)</p>
            <ProgressBar
              label="Won referred revenue"
              ratio={progress.revenue.ratio}
              detail={`${money(progress.revenue.have)} of ${money(progress.revenue.need)}`}
            />
            <ProgressBar
              label="Won deals"
              ratio={progress.deals.ratio}
              detail={`${progress.deals.have} of ${progress.deals.need}`}
            />
            <p className="text-sm text-muted-foreground">
              {progress.missing.length === 0
                ? `You meet the ${progress.next.name} criteria; the change applies at the next evaluation.`
                : `Needs ${progress.missing.join(" and ")}.`}
            </p>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">
            You are at the top tier. Keep it by staying above its criteria over the trailing 90 days.
          </p>
        )}
        {unlocks.length > 0 ? (
          <div className="grid gap-1 text-sm">
            <p className="font-medium">Locked until {unlocks[0]!.tierName}</p>
            <ul className="grid gap-0.5 text-muted-foreground">
              {unlocks.slice(0, 4).map((u) => (
                <li key={u.id}>
                  <span className="text-foreground">{CATEGORY_LABEL[u.category]}:</span> {lockedReason(u)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {actions.length > 0 ? (
          <div className="grid gap-1 text-sm" data-testid="tier-actions">
            <p className="font-medium">Next steps</p>
            <ul className="list-disc pl-5">
              {actions.map((a) => (
                <li key={a.label}>
                  <Link className="underline-offset-4 hover:underline" href={a.href}>
                    {a.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
