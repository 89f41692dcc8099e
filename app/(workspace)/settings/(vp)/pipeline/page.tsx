import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { LossReasonsEditor, PipelineSettingsForm } from "@/components/settings/pipeline-settings-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { StageEditor } from "@/components/settings/stage-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";
import { getPipelineOptions, listStages } from "@/lib/opportunities/queries";
import { getWorkspaceSettings } from "@/lib/settings/workspace-queries";

export const metadata: Metadata = { title: "Pipeline settings" };

export default async function PipelineSettingsPage() {
  const user = await requireUser(["vp"]);
  const data = await withSession({ claims: user.claims }, async (tx) => {
    return { stages: await listStages(tx), options: await getPipelineOptions(tx), settings: await getWorkspaceSettings(tx) };
  });
  const currency = data.settings?.currency ?? "USD";
  return (
    <div className="grid gap-6">
      <PageHeader title="Settings" description="Stages, rules and the lists your team picks from." />
      <SettingsNav current="/settings/pipeline" isVp />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Stages</h2>
          </CardTitle>
          <CardDescription>The board shows one column per stage, in this order. Probabilities weight the forecast.</CardDescription>
        </CardHeader>
        <CardContent>
          <StageEditor stages={data.stages} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Rules</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <PipelineSettingsForm
            stalledAfterDays={data.settings?.stalledAfterDays ?? 14}
            highValueThreshold={Math.round((data.settings?.highValueThresholdMinor ?? 0) / 10 ** minorDigits(currency))}
            winNotifyThreshold={Math.round((data.settings?.winNotifyThresholdMinor ?? 0) / 10 ** minorDigits(currency))}
            currency={currency}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Loss reasons</h2>
          </CardTitle>
          <CardDescription>Closing a deal as lost asks for one of these.</CardDescription>
        </CardHeader>
        <CardContent>
          <LossReasonsEditor reasons={data.options.lossReasons} />
        </CardContent>
      </Card>
    </div>
  );
}
