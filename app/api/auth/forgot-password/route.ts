// POST /api/auth/forgot-password — emails a reset link; answers the same whether or not the account exists.
import { NextResponse } from "next/server";
import { requestPasswordReset } from "@/lib/auth/local-auth";
import { failure, jsonAuthRoute } from "@/lib/auth/route";
import { requestResetSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(requestResetSchema, async ({ email }, ctx) => {
  const result = await requestPasswordReset(ctx.conn, email, ctx);
  return result.ok ? NextResponse.json({ ok: true }) : failure(result);
});
