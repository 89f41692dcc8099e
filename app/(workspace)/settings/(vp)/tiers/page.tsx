import type { Metadata } from "next";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { TierForm } from "@/components/tiers/tier-form";
import { TierFeatureForm } from "@/components/tiers/tier-feature-form";
import { UnlockMatrix } from "@/components/tiers/unlock-matrix";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";
import { listLadder, listTierFeatures } from "@/lib/tiers/features";
import { listTierCriteria, workspaceCurrency } from "@/lib/tiers/metrics";
import { CATEGORY_LABEL, UNLOCK_CATEGORIES } from "@/lib/tiers/unlocks";

export const metadata: Metadata = { title: "Tiers" };

export default async function TiersSettingsPage() {
  const user = await requireUser(["vp"]);
  const { tiers, currency, features, ladder } = await withSession({ claims: user.claims }, async (tx) => ({
    tiers: await listTierCriteria(tx),
    currency: await workspaceCurrency(tx),
    features: await listTierFeatures(tx),
    ladder: await listLadder(tx),
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
          <CardDescription>
            Partners see these names on their home page and tier card. The database applies the same table:
            content behind a feature (such as a training course) opens only to partners at or above its tier.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <UnlockMatrix features={features} ladder={ladder} />
          {UNLOCK_CATEGORIES.map((category) => {
            const inCategory = features.filter((f) => f.category === category);
            if (inCategory.length === 0) return null;
            return (
              <section key={category} className="grid gap-3" aria-labelledby={`features-${category}`}>
                <h3 id={`features-${category}`} className="text-sm font-medium">
                  {CATEGORY_LABEL[category]}
                </h3>
                {inCategory.map((f) => (
                  <TierFeatureForm key={`${f.id}-${f.tierId}-${f.label}`} feature={f} ladder={ladder} />
                ))}
              </section>
            );
          })}
        </CardContent>
      </Card>
    </div>
  );
}
