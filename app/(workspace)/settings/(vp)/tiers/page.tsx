import type { Metadata } from "next";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { TierForm } from "@/components/tiers/tier-form";
import { UnlockMatrix } from "@/components/tiers/unlock-matrix";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";
import { listTierCriteria, workspaceCurrency } from "@/lib/tiers/metrics";

export const metadata: Metadata = { title: "Tiers" };

export default async function TiersSettingsPage() {
  const user = await requireUser(["vp"]);
  const { tiers, currency } = await withSession({ claims: user.claims }, async (tx) => ({
    tiers: await listTierCriteria(tx),
    currency: await workspaceCurrency(tx),
  }));
  const scale = 10 ** minorDigits(currency);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Settings"
        description="Partner tiers: a partner holds the highest tier whose trailing-90-day won revenue and deal count it meets, re-evaluated when a referred deal is won or reopened and every night."
      />
      <SettingsNav current="/settings/tiers" isVp />
      {tiers.map((t) => (
        <Card key={t.id}>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <span aria-hidden className="size-3 rounded-full" style={{ backgroundColor: t.color }} />
              <h2>{t.name}</h2>
            </CardTitle>
            <CardDescription>
              Rank {t.rank + 1} of {tiers.length}. A new rate applies to the partners who reach the tier from
              the day they reach it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <TierForm
              currency={currency}
              tier={{
                id: t.id,
                name: t.name,
                commissionRate: t.commissionRate,
                payoutCadence: t.payoutCadence,
                minTrailingRevenue: String(Math.round(t.minTrailingRevenueMinor / scale)),
                minTrailingDeals: t.minTrailingDeals,
                perks: t.perks,
                color: t.color,
              }}
            />
          </CardContent>
        </Card>
      ))}
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Add a tier</h2>
          </CardTitle>
          <CardDescription>New tiers rank above the existing ones.</CardDescription>
        </CardHeader>
        <CardContent>
          <TierForm currency={currency} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>What each tier unlocks in the portal</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <UnlockMatrix />
        </CardContent>
      </Card>
    </div>
  );
}
