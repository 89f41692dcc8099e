import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listStaff } from "@/lib/team/queries";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requireUser(STAFF_ROLES);
  const staff = await withSession({ claims: user.claims }, (tx) => listStaff(tx));
  const active = staff.filter((s) => !s.deactivatedAt);
  return (
    <div className="grid gap-6">
      <PageHeader title="Team" description={`${active.length} people in the partnerships team.`} />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Team members">
        {active.map((member) => (
          <li key={member.id}>
            <Card>
              <CardHeader>
                <CardTitle>{member.displayName}</CardTitle>
                <CardDescription>{member.title ?? ROLE_LABELS[member.role]}</CardDescription>
              </CardHeader>
              <CardContent className="text-sm text-muted-foreground">
                {ROLE_LABELS[member.role]} · <a className="underline-offset-4 hover:underline" href={`mailto:${member.email}`}>{member.email}</a>
              </CardContent>
            </Card>
          </li>
        ))}
      </ul>
      <ComingSoon
        feature="Weekly status, tasks and alerts"
        bullets={["A weekly status form pre-filled from the week's activity", "Tasks that roll over at the week boundary", "Alerts that prompt action, and a meeting mode for the VP"]}
      />
    </div>
  );
}
