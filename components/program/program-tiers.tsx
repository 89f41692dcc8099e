import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { ProgramTier } from "@/lib/program/queries";

export const CADENCE_LABELS: Record<ProgramTier["payoutCadence"], string> = {
  monthly: "Paid monthly",
  biweekly: "Paid every two weeks",
  weekly: "Paid weekly",
  realtime: "Paid as soon as approved",
};

function requirement(tier: ProgramTier, currency: string): string {
  if (tier.minTrailingRevenueMinor === 0 && tier.minTrailingDeals === 0) return "Where every partner starts";
  const parts = [];
  if (tier.minTrailingRevenueMinor > 0)
    parts.push(`${formatMoney(tier.minTrailingRevenueMinor, currency, { compact: true })} closed revenue`);
  if (tier.minTrailingDeals > 0)
    parts.push(`${tier.minTrailingDeals} won deal${tier.minTrailingDeals === 1 ? "" : "s"}`);
  return `${parts.join(" and ")} in the last 90 days`;
}

/** The tier ladder of the program: rate, payout cadence, requirement and perks of each tier. */
export function ProgramTiers({ tiers, currency }: { tiers: ProgramTier[]; currency: string }) {
  if (tiers.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        Commission tiers are being set up. Apply now and we will share the details with you.
      </p>
    );
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label="Partner tiers">
      {tiers.map((tier) => (
        <li key={tier.id}>
          <Card className="h-full">
            <CardHeader>
              <CardDescription className="flex items-center gap-2">
                <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: tier.color }} />
                {requirement(tier, currency)}
              </CardDescription>
              <CardTitle>
                <h3 className="text-lg">{tier.name}</h3>
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <p className="text-3xl font-semibold tabular-nums">
                {Number(tier.commissionRate)}%
                <span className="ml-1 text-sm font-normal text-muted-foreground">commission</span>
              </p>
              <Badge variant="secondary">{CADENCE_LABELS[tier.payoutCadence]}</Badge>
              {tier.perks.length > 0 ? (
                <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
                  {tier.perks.map((perk) => (
                    <li key={perk}>{perk}</li>
                  ))}
                </ul>
              ) : null}
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}
