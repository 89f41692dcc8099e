// POST /api/auth/forgot-password — emails a reset link; answers the same whether or not the account exists.
import { NextResponse } from "next/server";
import { requestPasswordReset } from "@/lib/auth/local-auth";
import { supabaseServerClient } from "@/lib/auth/supabase";
import { supabaseRequestReset } from "@/lib/auth/supabase-auth";
import { isSupabaseAuth } from "@/lib/env";
import { failure, jsonAuthRoute } from "@/lib/auth/route";
import { requestResetSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(requestResetSchema, async ({ email }, ctx) => {
  const result = isSupabaseAuth()
    ? await supabaseRequestReset(ctx.conn, await supabaseServerClient(), email, ctx)
    : await requestPasswordReset(ctx.conn, email, ctx);
  return result.ok ? NextResponse.json({ ok: true }) : failure(result);
});
