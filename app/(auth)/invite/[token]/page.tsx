import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { AuthCard } from "@/components/auth/auth-card";
import { FormAlert } from "@/components/auth/form-alert";
import { getInvitation } from "@/lib/auth/accounts";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getConnection } from "@/lib/db/client";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length >= 20 && token.length <= 200 ? await getInvitation(await getConnection(), token) : null;
  if (!invite) {
    return (
      <AuthCard title="This invitation no longer works" footer={<Link href="/login" className="text-primary underline-offset-4 hover:underline">Go to sign in</Link>}>
        <FormAlert tone="error" title="Invitation expired, revoked or already used" detail="Ask the person who invited you to send a new invitation." />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${invite.company ?? "your team"}`} description={`You are invited as ${ROLE_LABELS[invite.role]}.`}>
      <AcceptInviteForm token={token} email={invite.email} />
    </AuthCard>
  );
}
