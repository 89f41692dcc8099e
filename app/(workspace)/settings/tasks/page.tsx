import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { StageTemplateEditor } from "@/components/tasks/template-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listStageTemplates } from "@/lib/tasks/queries";

export const metadata: Metadata = { title: "Task templates" };

export default async function TaskTemplatesPage() {
  const user = await requireUser(["vp"]);
  const stages = await withSession({ claims: user.claims }, (tx) => listStageTemplates(tx));
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Settings"
        description="Checklists per pipeline stage: moving a deal into a stage gives its owner these tasks, due the given number of days later."
      />
      <SettingsNav current="/settings/tasks" isVp />
      {stages.length === 0 ? (
        <EmptyState title="No pipeline stages yet" description="Add stages in the pipeline settings first." />
      ) : null}
      {stages.map((stage) => (
        <Card key={stage.id}>
          <CardHeader>
            <CardTitle>
              <h2 className="flex items-center gap-2">
                <span
                  aria-hidden
                  className="size-2.5 rounded-full"
                  style={{ backgroundColor: stage.color }}
                />
                {stage.name}
              </h2>
            </CardTitle>
            <CardDescription>
              {stage.templates.length} checklist item{stage.templates.length === 1 ? "" : "s"}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <StageTemplateEditor stage={stage} />
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
