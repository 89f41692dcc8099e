import type { Metadata } from "next";
import { HealthWeightsForm } from "@/components/partners/health-weights-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getHealthWeights } from "@/lib/health/job";
import { listPreviewPartners } from "@/lib/health/queries";

export const metadata: Metadata = { title: "Health settings" };

export default async function HealthSettingsPage() {
  const user = await requireUser(["vp"]);
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const weights = await getHealthWeights(tx);
    return { weights, preview: await listPreviewPartners(tx, new Date(), weights) };
  });
  return (
    <div className="grid gap-6">
      <PageHeader title="Settings" description="How partner relationship health is scored." />
      <SettingsNav current="/settings/health" isVp />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Health score weights</h2>
          </CardTitle>
          <CardDescription>
            Each component scores 0–100; its points are the sub-score × its weight ÷ 100, and the health score
            is the points summed and rounded. Bands: excellent 80–100, healthy 60–79, needs attention 40–59,
            at risk 0–39. Saving rescores every partner at once.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <HealthWeightsForm weights={data.weights} preview={data.preview} />
        </CardContent>
      </Card>
    </div>
  );
}
