import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { FormAlert } from "@/components/auth/form-alert";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { auth, requestCookies } from "@/lib/auth/auth";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const ready = await auth().canReset(typeof token === "string" ? token : undefined, await requestCookies());
  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link href="/forgot-password" className="text-primary underline-offset-4 hover:underline">
          Request a new link
        </Link>
      }
    >
      {ready ? (
        <ResetPasswordForm token={token} />
      ) : (
        <FormAlert tone="error" title="This reset link is incomplete" detail="Open the link from the email again, or request a new one." />
      )}
    </AuthCard>
  );
}
