// GET /auth/callback?code=&next= — Supabase Auth's email links (confirmation, password recovery) land here to start a session.
import { NextResponse } from "next/server";
import { safeNext } from "@/lib/auth/route";
import { supabaseServerClient } from "@/lib/auth/supabase";
import { registerSupabaseSession } from "@/lib/auth/supabase-auth";
import { getConnection } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/problem";
import { isSupabaseAuth, serverEnv } from "@/lib/env";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const appUrl = serverEnv().APP_URL;
  if (!isSupabaseAuth()) return NextResponse.redirect(new URL("/login", appUrl), 303);
  const code = url.searchParams.get("code");
  if (code) {
    const { data, error } = await (await supabaseServerClient()).auth.exchangeCodeForSession(code);
    if (!error) await registerSupabaseSession(await getConnection(), data.session, { ip: clientAddress(request), userAgent: request.headers.get("user-agent") });
    if (!error) return NextResponse.redirect(new URL(safeNext(url.searchParams.get("next"), "/"), appUrl), 303);
  }
  return NextResponse.redirect(new URL("/login?verifyFailed=1", appUrl), 303);
}
