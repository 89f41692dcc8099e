import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SessionsCard } from "@/components/auth/sessions-list";
import { ColleaguesList } from "@/components/partner-account/colleagues-list";
import { ContactDetailsForm } from "@/components/partner-account/contact-details-form";
import { EmailPreferencesForm } from "@/components/partner-account/email-preferences-form";
import { InviteColleagueForm } from "@/components/partner-account/invite-colleague-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listMySessions } from "@/lib/auth/sessions";
import { withSession } from "@/lib/db/session";
import {
  getMyPartnerProfileOrThrow,
  listColleagues,
  listOpenColleagueInvitations,
} from "@/lib/partner-account/queries";

export const metadata: Metadata = { title: "Profile" };

export default async function PortalProfilePage() {
  const user = await requireUser(["partner"]);
  const { profile, colleagues, invitations, sessions } = await withSession({ claims: user.claims }, async (tx) => {
    const me = await getMyPartnerProfileOrThrow(tx, user.id);
    return {
      profile: me,
      colleagues: await listColleagues(tx, user.partnerId!),
      invitations: me.memberRole === "admin" ? await listOpenColleagueInvitations(tx) : [],
      sessions: await listMySessions(tx),
    };
  });
  const isAdmin = profile.memberRole === "admin";
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Profile"
        description={`${profile.email} · ${isAdmin ? "Admin" : "Member"} of ${user.partnerName ?? "your organisation"}`}
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Contact details</h2>
          </CardTitle>
          <CardDescription>How our partner team reaches you.</CardDescription>
        </CardHeader>
        <CardContent>
          <ContactDetailsForm profile={profile} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Email notifications</h2>
          </CardTitle>
          <CardDescription>
            Choose which events email you. Account and security emails are always sent.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <EmailPreferencesForm preferences={profile.emailPreferences} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Colleagues</h2>
          </CardTitle>
          <CardDescription>
            {isAdmin
              ? "Admins manage payout, tax and company details and invite colleagues. Members share links and register deals."
              : "Ask an admin of your organisation to invite colleagues."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {isAdmin ? <InviteColleagueForm /> : null}
          <ColleaguesList colleagues={colleagues} invitations={invitations} meId={user.id} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Password</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <SessionsCard sessions={sessions} currentId={user.claims.session_id} />
    </div>
  );
}
