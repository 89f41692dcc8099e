// POST /api/auth/change-password — the signed-in user changes their password (current one required).
import { NextResponse } from "next/server";
import { changePassword } from "@/lib/auth/local-login";
import { supabaseServerClient } from "@/lib/auth/supabase";
import { supabaseChangePassword } from "@/lib/auth/supabase-auth";
import { isSupabaseAuth } from "@/lib/env";
import { failure, jsonAuthRoute, withSessionCookie } from "@/lib/auth/route";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/problem";

export const POST = jsonAuthRoute(changePasswordSchema, async (input, ctx) => {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  if (isSupabaseAuth()) {
    const result = await supabaseChangePassword(ctx.conn, await supabaseServerClient(), user, input, ctx);
    return result.ok ? NextResponse.json({ ok: true }) : failure(result);
  }
  // Every session ends with the change, this one too; the new cookie replaces it.
  const result = await changePassword(ctx.conn, user.id, input, ctx);
  return result.ok ? withSessionCookie({ ok: true }, result.value.claims) : failure(result);
});
