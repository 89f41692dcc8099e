// POST /api/auth/login — email + password; sets the session cookie. Failed attempts are rate-limited per address.
import { z } from "zod";
import { NextResponse } from "next/server";
import { logIn } from "@/lib/auth/local-login";
import { supabaseServerClient } from "@/lib/auth/supabase";
import { supabaseLogIn } from "@/lib/auth/supabase-auth";
import { isSupabaseAuth } from "@/lib/env";
import { failure, jsonAuthRoute, safeNext, withSessionCookie } from "@/lib/auth/route";
import { loginSchema } from "@/lib/auth/schemas";

const schema = loginSchema.extend({ next: z.string().max(500).optional() });

export const POST = jsonAuthRoute(schema, async ({ next, ...input }, ctx) => {
  if (isSupabaseAuth()) {
    const result = await supabaseLogIn(ctx.conn, await supabaseServerClient(), input, ctx);
    return result.ok ? NextResponse.json({ ok: true, next: safeNext(next, result.value.home) }) : failure(result);
  }
  const result = await logIn(ctx.conn, input, ctx);
  if (!result.ok) return failure(result);
  return withSessionCookie({ ok: true, next: safeNext(next, result.value.home) }, result.value.claims);
});
