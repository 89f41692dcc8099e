"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { FormAlert } from "./form-alert";
import { useJsonForm } from "./use-json-form";

export function LoginForm({ next }: { next?: string }) {
  const form = useJsonForm("/api/auth/login");
  const emailRef = useRef<HTMLInputElement>(null);
  const [resent, setResent] = useState<"idle" | "sending" | "sent">("idle");

  async function resend() {
    setResent("sending");
    await fetch("/api/auth/resend-verification", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: emailRef.current?.value ?? "" }),
    }).catch(() => null);
    setResent("sent");
  }

  return (
    <form noValidate onSubmit={(e) => form.submit(e, next ? { next } : {})} className="grid gap-4" aria-describedby={form.formError ? "login-error" : undefined}>
      {form.formError ? (
        <div id="login-error">
          <FormAlert tone="error" title={form.formError.title} detail={form.formError.detail}>
            {form.formError.code === "email_unverified" ? (
              <span className="mt-2 block">
                <Button type="button" variant="outline" size="sm" onClick={resend} disabled={resent !== "idle"}>
                  {resent === "sent" ? "Confirmation email sent" : "Resend confirmation email"}
                </Button>
              </span>
            ) : null}
          </FormAlert>
        </div>
      ) : null}
      <FormField id="email" label="Email" error={form.fieldErrors.email}>
        <Input ref={emailRef} name="email" type="email" autoComplete="email" required autoFocus />
      </FormField>
      <FormField id="password" label="Password" error={form.fieldErrors.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <div className="flex items-center justify-between text-sm">
        <Link href="/forgot-password" className="text-primary underline-offset-4 hover:underline">
          Forgot your password?
        </Link>
      </div>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? <Spinner size="sm" label="Signing in" /> : null}
        Sign in
      </Button>
    </form>
  );
}
