// POST /api/auth/signup — partner self sign-up; sends the verification email.
import { NextResponse } from "next/server";
import { signUp } from "@/lib/auth/local-auth";
import { failure, jsonAuthRoute } from "@/lib/auth/route";
import { signUpSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(signUpSchema, async (input, ctx) => {
  const result = await signUp(ctx.conn, input, ctx);
  if (!result.ok) return failure(result);
  return NextResponse.json({ ok: true, next: `/check-email?email=${encodeURIComponent(input.email)}` }, { status: 201 });
});
