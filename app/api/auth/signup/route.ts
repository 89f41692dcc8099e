// POST /api/auth/signup — partner self sign-up (an application in the review queue); sends the verification email.
import { NextResponse } from "next/server";
import { followUpSignupApplication } from "@/lib/applications/signup";
import { signUp } from "@/lib/auth/local-auth";
import { supabaseServerClient } from "@/lib/auth/supabase";
import { supabaseSignUp } from "@/lib/auth/supabase-auth";
import { isSupabaseAuth } from "@/lib/env";
import { failure, jsonAuthRoute } from "@/lib/auth/route";
import { signUpSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(signUpSchema, async (input, ctx) => {
  if (isSupabaseAuth()) {
    const result = await supabaseSignUp(ctx.conn, await supabaseServerClient(), input, ctx);
    if (result.ok) await followUpSignupApplication(ctx.conn, input.email);
    return result.ok ? NextResponse.json({ ok: true, next: result.value.next }, { status: 201 }) : failure(result);
  }
  const result = await signUp(ctx.conn, input, ctx);
  if (!result.ok) return failure(result);
  await followUpSignupApplication(ctx.conn, input.email);
  return NextResponse.json({ ok: true, next: `/check-email?email=${encodeURIComponent(input.email)}` }, { status: 201 });
});
