import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SessionsCard } from "@/components/auth/sessions-list";
import { PageHeader } from "@/components/shell/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { InviteForm } from "@/components/team/invite-form";
import { MemberControls, RevokeInvitationButton } from "@/components/team/member-controls";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listMySessions } from "@/lib/auth/sessions";
import { withSession } from "@/lib/db/session";
import { listOpenInvitations, listStaff } from "@/lib/team/queries";

export const metadata: Metadata = { title: "Settings" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function SettingsPage() {
  const user = await requireUser(STAFF_ROLES);
  const isVp = user.role === "vp";
  const { staff, invites, sessions } = await withSession({ claims: user.claims }, async (tx) => ({
    staff: isVp ? await listStaff(tx) : [],
    invites: isVp ? await listOpenInvitations(tx) : [],
    sessions: await listMySessions(tx),
  }));
  return (
    <div className="grid gap-6">
      <PageHeader title="Settings" description={isVp ? "Your account, your team's access and the workspace." : "Your account."} />
      <SettingsNav current="/settings" isVp={isVp} isFinance={user.role === "finance"} isPartnershipManager={user.role === "partnership_manager"} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Your account</h2>
          </CardTitle>
          <CardDescription>
            {user.displayName} · {user.email} · {ROLE_LABELS[user.role]}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <SessionsCard sessions={sessions} currentId={user.claims.session_id} />
      {isVp ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Team access</h2>
            </CardTitle>
            <CardDescription>Invite teammates with a role. A role change or deactivation applies at once and signs the person out.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            <InviteForm />
            {invites.length > 0 ? (
              <section aria-labelledby="pending-invites" className="grid gap-2">
                <h3 id="pending-invites" className="text-sm font-medium">
                  Pending invitations
                </h3>
                <ul className="divide-y rounded-md border">
                  {invites.map((invite) => (
                    <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                      <span>
                        {invite.email} · {ROLE_LABELS[invite.role]} · expires {dateFormat.format(invite.expiresAt)}
                      </span>
                      <RevokeInvitationButton invitationId={invite.id} email={invite.email} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead className="hidden md:table-cell">Email</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Role and access</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {staff.map((member) => (
                  <TableRow key={member.id}>
                    <TableCell className="font-medium">{member.displayName}</TableCell>
                    <TableCell className="hidden md:table-cell">{member.email}</TableCell>
                    <TableCell>{member.deactivatedAt ? "Deactivated" : "Active"}</TableCell>
                    <TableCell>
                      <MemberControls userId={member.id} name={member.displayName} role={member.role} active={!member.deactivatedAt} self={member.id === user.id} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
