import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { StatusView } from "@/components/status/status-view";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getStatus, listAttachments, listBlockersOfStatus } from "@/lib/status/queries";
import { blockerView } from "@/lib/status/views";
import { complianceOf, formatWeek, isMonday, weekStartOf } from "@/lib/status/week";

export const metadata: Metadata = { title: "Past weekly status" };

/** One past week of the signed-in person's status, read-only. */
export default async function PastStatusPage({ params }: { params: Promise<{ week: string }> }) {
  const user = await requireUser(STAFF_ROLES);
  const { week } = await params;
  if (!isMonday(week)) notFound();
  const now = new Date();
  if (week === weekStartOf(now)) redirect("/status");
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const status = await getStatus(tx, user.id, week);
    if (!status) return null;
    const [blockers, attachments] = await Promise.all([
      listBlockersOfStatus(tx, status.id),
      listAttachments(tx, status.id),
    ]);
    return { status, blockers, attachments };
  });
  const compliance = complianceOf(week, data?.status.submittedAt ?? null, now);
  return (
    <div className="grid gap-6">
      <PageHeader
        title={`Week of ${formatWeek(week)}`}
        description="A past weekly status. Past weeks are read-only."
        actions={
          <Link href="/status" className="text-sm underline-offset-4 hover:underline">
            Back to this week
          </Link>
        }
      />
      {!data ? (
        <EmptyState
          title="No status for this week"
          description="Nothing was written or submitted that week."
        />
      ) : (
        <Card>
          <CardContent className="grid gap-4 pt-6">
            <div className="flex items-center gap-2">
              <Badge
                variant={
                  compliance === "submitted" ? "success" : compliance === "late" ? "warning" : "destructive"
                }
              >
                {compliance === "submitted"
                  ? "Submitted on time"
                  : compliance === "late"
                    ? "Submitted late"
                    : "Never submitted"}
              </Badge>
            </div>
            <StatusView
              role={user.role}
              accomplishments={data.status.accomplishments}
              plans={data.status.plans}
              kpis={data.status.kpis}
              blockers={data.blockers.map(blockerView)}
            />
            {data.attachments.length ? (
              <ul className="grid gap-1 text-sm" aria-label="Attachments">
                {data.attachments.map((a) => (
                  <li key={a.id}>
                    <a className="underline-offset-4 hover:underline" href={`/status/attachments/${a.id}`}>
                      {a.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
