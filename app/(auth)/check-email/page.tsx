import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { isDevMailboxEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <AuthCard
      title="Check your email"
      description={
        <>
          We sent an email to <strong className="text-foreground">{email ?? "your inbox"}</strong>. Open the link in it to
          continue; a confirmation link expires in 24 hours.
        </>
      }
      footer={
        <Link href="/login" className="text-primary underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      }
    >
      {isDevMailboxEnabled() ? (
        <p className="text-sm text-muted-foreground">
          Email is delivered locally on this installation: open the{" "}
          <Link href="/dev/mailbox" className="text-primary underline-offset-4 hover:underline">
            dev mailbox
          </Link>
          .
        </p>
      ) : (
        <p className="text-sm text-muted-foreground">Nothing there? Check your spam folder, or sign in to request a new link.</p>
      )}
    </AuthCard>
  );
}
