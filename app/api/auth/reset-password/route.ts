// POST /api/auth/reset-password — sets a new password from a reset link's token, ends every session and signs in afresh.
import { NextResponse } from "next/server";
import { resetPassword } from "@/lib/auth/local-auth";
import { supabaseServerClient } from "@/lib/auth/supabase";
import { supabaseSetPassword } from "@/lib/auth/supabase-auth";
import { isSupabaseAuth } from "@/lib/env";
import { problem } from "@/lib/http/problem";
import { failure, jsonAuthRoute, withSessionCookie } from "@/lib/auth/route";
import { resetPasswordSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(resetPasswordSchema, async ({ token, password }, ctx) => {
  if (isSupabaseAuth()) {
    const result = await supabaseSetPassword(ctx.conn, await supabaseServerClient(), password, ctx);
    return result.ok ? NextResponse.json({ ok: true, next: "/login?reset=1" }) : failure(result);
  }
  if (!token) return problem(400, "This reset link is incomplete", { errors: { token: ["Open the link from the email again, or request a new one."] } });
  const result = await resetPassword(ctx.conn, { token, password }, new Date(), ctx);
  if (!result.ok) return failure(result);
  // The link proved ownership: the person continues signed in, on a fresh session.
  return result.value ? withSessionCookie({ ok: true, next: result.value.home }, result.value.claims) : NextResponse.json({ ok: true, next: "/login?reset=1" });
});
