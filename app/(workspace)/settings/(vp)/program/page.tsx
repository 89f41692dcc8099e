import type { Metadata } from "next";
import Link from "next/link";
import { ProgramSettingsForm } from "@/components/settings/program-settings-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getProgramSettings } from "@/lib/program/queries";

export const metadata: Metadata = { title: "Partner program settings" };

export default async function ProgramSettingsPage() {
  const user = await requireUser(["vp"]);
  const settings = await withSession({ claims: user.claims }, (tx) => getProgramSettings(tx));
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Settings"
        description="What the public program page says, how long attribution lasts, and which applications approve themselves."
      />
      <SettingsNav current="/settings/program" isVp />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Partner program</h2>
          </CardTitle>
          <CardDescription>
            Tiers and rates come from the tier settings. See the result on the{" "}
            <Link href="/program" className="text-primary underline-offset-4 hover:underline">
              public program page
            </Link>
            .
          </CardDescription>
        </CardHeader>
        <CardContent>
          {settings ? (
            <ProgramSettingsForm settings={settings} />
          ) : (
            <EmptyState
              title="The workspace is not set up yet"
              description="Run the seed or create the workspace first."
            />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
