// POST /api/auth/change-password — the signed-in user changes their password (current one required).
import { NextResponse } from "next/server";
import { changePassword } from "@/lib/auth/local-auth";
import { supabaseServerClient } from "@/lib/auth/supabase";
import { supabaseChangePassword } from "@/lib/auth/supabase-auth";
import { isSupabaseAuth } from "@/lib/env";
import { failure, jsonAuthRoute } from "@/lib/auth/route";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/problem";

export const POST = jsonAuthRoute(changePasswordSchema, async (input, ctx) => {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  const result = isSupabaseAuth()
    ? await supabaseChangePassword(await supabaseServerClient(), user.email, input)
    : await changePassword(ctx.conn, user.id, input);
  return result.ok ? NextResponse.json({ ok: true }) : failure(result);
});
