import type { Metadata } from "next";
import Link from "next/link";
import { ComplianceTable } from "@/components/status/compliance-table";
import { StatusHistory } from "@/components/status/status-history";
import { TeamBlockers } from "@/components/status/team-blockers";
import { TeamDirectory } from "@/components/status/team-directory";
import { TeamFilters } from "@/components/status/team-filters";
import { TeamWeeks } from "@/components/status/team-weeks";
import { WorkloadTable } from "@/components/status/workload-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import type { AppRole } from "@/lib/domain/enums";
import { withSession } from "@/lib/db/session";
import {
  getStatus,
  listStatusHistory,
  listTeamBlockers,
  listTeamStatuses,
  listWorkload,
} from "@/lib/status/queries";
import { blockerView } from "@/lib/status/views";
import { addWeeks, complianceOf, weekStartOf } from "@/lib/status/week";
import { listStaff } from "@/lib/team/queries";

export const metadata: Metadata = { title: "Team" };

type Search = Promise<Record<string, string | string[] | undefined>>;

function parseFilters(search: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (typeof search[k] === "string" ? (search[k] as string) : undefined);
  const person = one("person");
  const role = one("role");
  const weeks = Number(one("weeks"));
  return {
    userId: person && /^[0-9a-f-]{36}$/i.test(person) ? person : undefined,
    role: role && (STAFF_ROLES as readonly string[]).includes(role) ? (role as AppRole) : undefined,
    weeks: [4, 8, 12].includes(weeks) ? weeks : 4,
  };
}

export default async function TeamPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser(STAFF_ROLES);
  return user.role === "vp" ? (
    <VpTeamView user={user} search={await searchParams} />
  ) : (
    <MemberTeamView user={user} />
  );
}

async function VpTeamView({ user, search }: { user: CurrentUser; search: Awaited<Search> }) {
  const now = new Date();
  const week = weekStartOf(now);
  const filters = parseFilters(search);
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const staff = (await listStaff(tx)).filter((s) => !s.deactivatedAt);
    const statuses = await listTeamStatuses(tx, {
      fromWeek: addWeeks(week, -(filters.weeks - 1)),
      toWeek: week,
      userId: filters.userId,
      role: filters.role,
    });
    const blockers = await listTeamBlockers(tx, { userId: filters.userId });
    const workload = await listWorkload(tx, week, now.toISOString().slice(0, 10));
    return { staff, statuses, blockers, workload };
  });
  const shown = new Set(data.statuses.map((s) => s.userId));
  const blockers = data.blockers.filter((b) => shown.has(b.userId)).map(blockerView);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Team"
        description={`${data.staff.length} people. Weekly statuses, blockers and workload at a glance.`}
        actions={
          <Button asChild>
            <Link href="/team/meeting">Meeting mode</Link>
          </Button>
        }
      />
      <TeamFilters people={data.staff.map((s) => ({ id: s.id, name: s.displayName }))} />
      <ComplianceTable rows={data.statuses} now={now} />
      {/* Side by side only where the seven workload columns fit beside the blockers. */}
      <div className="grid gap-6 2xl:grid-cols-2 [&>*]:min-w-0">
        <TeamBlockers blockers={blockers} canResolve />
        <WorkloadTable rows={data.workload.filter((w) => shown.has(w.userId))} />
      </div>
      <section aria-labelledby="weekly-statuses" className="grid gap-3">
        <h2 id="weekly-statuses" className="text-lg font-semibold">
          Weekly statuses
        </h2>
        <TeamWeeks rows={data.statuses} blockers={blockers} />
      </section>
      <TeamDirectory members={data.staff} />
    </div>
  );
}

async function MemberTeamView({ user }: { user: CurrentUser }) {
  const now = new Date();
  const week = weekStartOf(now);
  const data = await withSession({ claims: user.claims }, async (tx) => ({
    staff: (await listStaff(tx)).filter((s) => !s.deactivatedAt),
    current: await getStatus(tx, user.id, week),
    history: await listStatusHistory(tx, user.id, week),
  }));
  const compliance = complianceOf(week, data.current?.submittedAt ?? null, now);
  return (
    <div className="grid gap-6">
      <PageHeader title="Team" description={`${data.staff.length} people in the partnerships team.`} />
      <Card>
        <CardHeader>
          <CardTitle>Your weekly status</CardTitle>
          <CardDescription>
            {compliance === "submitted" || compliance === "late"
              ? "Submitted for this week."
              : "Not submitted yet for this week; it is due Friday at 17:00 UTC."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild>
            <Link href="/status">Open this week&apos;s status</Link>
          </Button>
        </CardContent>
      </Card>
      <StatusHistory history={data.history} now={now} />
      <TeamDirectory members={data.staff} />
    </div>
  );
}
