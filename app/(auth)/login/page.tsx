import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { FormAlert } from "@/components/auth/form-alert";
import { LoginForm } from "@/components/auth/login-form";
import { ROLE_HOME } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES = {
  verified: { tone: "success", title: "Email confirmed", detail: "Your email is confirmed. Sign in to continue." },
  verifyFailed: { tone: "error", title: "That confirmation link no longer works", detail: "It may have expired or been used already. Sign in to get a new one." },
  reset: { tone: "success", title: "Password changed", detail: "Sign in with your new password." },
  signedOut: { tone: "success", title: "You are signed out" },
  signedOutEverywhere: { tone: "success", title: "You are signed out everywhere", detail: "Every session of your account has ended. Sign in to continue here." },
} as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const next = typeof params.next === "string" ? params.next : undefined;
  const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((key) => params[key] !== undefined);
  return (
    <AuthCard
      title="Sign in to PartnerOS"
      description="Team workspace and partner portal"
      footer={
        <span>
          New partner?{" "}
          <Link href="/signup" className="text-primary underline-offset-4 hover:underline">
            Create a partner account
          </Link>
        </span>
      }
    >
      <div className="grid gap-4">
        {notice ? <FormAlert {...NOTICES[notice]} /> : null}
        <LoginForm next={next} />
      </div>
    </AuthCard>
  );
}
