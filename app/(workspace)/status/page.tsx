import type { Metadata } from "next";
import { AttachmentsPanel } from "@/components/status/attachments-panel";
import { BlockersPanel } from "@/components/status/blockers-panel";
import { StatusForm } from "@/components/status/status-form";
import { StatusHistory } from "@/components/status/status-history";
import { PageHeader } from "@/components/shell/page-header";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getWeekActivity, prefillDraft } from "@/lib/status/prefill";
import { getStatus, listAttachments, listBlockersOfStatus, listStatusHistory } from "@/lib/status/queries";
import { KPI_FIELDS } from "@/lib/status/schemas";
import { blockerView } from "@/lib/status/views";
import { deadlineOf, formatWeek, weekStartOf } from "@/lib/status/week";

export const metadata: Metadata = { title: "Weekly status" };

export default async function StatusPage() {
  const user = await requireUser(STAFF_ROLES);
  const now = new Date();
  const week = weekStartOf(now);
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const status = await getStatus(tx, user.id, week);
    // Text the person has never saved (revision 0) starts from the week's activity.
    const prefill =
      status && status.revision > 0
        ? null
        : prefillDraft(await getWeekActivity(tx, user.id, user.role, week));
    const [blockers, attachments, history] = await Promise.all([
      status ? listBlockersOfStatus(tx, status.id) : [],
      status ? listAttachments(tx, status.id) : [],
      listStatusHistory(tx, user.id, week),
    ]);
    return { status, prefill, blockers, attachments, history };
  });
  const { status, prefill } = data;
  const deadline = deadlineOf(week);
  const initial = prefill ?? {
    accomplishments: status!.accomplishments,
    plans: status!.plans,
    kpis: status!.kpis,
  };
  const due = deadline.toLocaleString("en-US", {
    weekday: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Weekly status"
        description={`Week of ${formatWeek(week)} · due ${due}${now > deadline && !status?.submittedAt ? " (past due)" : ""}`}
      />
      {prefill ? (
        <p className="rounded-md border border-dashed px-4 py-3 text-sm text-muted-foreground">
          Pre-filled from this week&apos;s activity: deals you moved, tasks you completed and partner
          interactions you logged. Edit freely.
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <StatusForm
          userId={user.id}
          weekStart={week}
          initial={initial}
          revision={status?.revision ?? 0}
          updatedAt={status && status.revision > 0 ? status.updatedAt.toISOString() : null}
          submittedAt={status?.submittedAt?.toISOString() ?? null}
          kpiFields={user.role === "partner" ? [] : KPI_FIELDS[user.role]}
        />
        <div className="grid content-start gap-6">
          <BlockersPanel weekStart={week} blockers={data.blockers.map(blockerView)} />
          <AttachmentsPanel
            weekStart={week}
            attachments={data.attachments.map((a) => ({
              id: a.id,
              fileName: a.fileName,
              sizeBytes: a.sizeBytes,
            }))}
          />
          <StatusHistory history={data.history} now={now} />
        </div>
      </div>
    </div>
  );
}
