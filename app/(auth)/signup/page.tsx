import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/signup-form";

export const metadata: Metadata = { title: "Create a partner account" };

export default function SignUpPage() {
  return (
    <AuthCard
      title="Become a partner"
      description="Create your partner account. Team members join by invitation from their VP."
      footer={
        <span>
          Already have an account?{" "}
          <Link href="/login" className="text-primary underline-offset-4 hover:underline">
            Sign in
          </Link>
        </span>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
