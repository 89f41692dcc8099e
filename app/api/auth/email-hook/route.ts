// POST /api/auth/email-hook — Supabase's Send Email Hook (standard-webhooks signature with SUPABASE_AUTH_HOOK_SECRET):
// confirmation and recovery emails go out through our outbox and templates. 404 unless the hook is configured.
import { NextResponse } from "next/server";
import { authContext, failure } from "@/lib/auth/route";
import { problem } from "@/lib/http/problem";

const MAX_BODY = 64 * 1024;

export async function POST(request: Request) {
  const raw = await request.text();
  if (raw.length > MAX_BODY) return problem(413, "Payload too large");
  const ctx = await authContext(request);
  try {
    const result = await ctx.auth.emailHook(raw, request.headers, ctx);
    return result.ok ? NextResponse.json({}) : failure(result);
  } catch (error) {
    console.error("[auth] email hook failed", error);
    return problem(500, "Something went wrong on our side", { detail: "The email was not queued; Supabase will report the failure." });
  }
}
