// POST /api/auth/reset-password — sets a new password from a reset link's token.
import { NextResponse } from "next/server";
import { resetPassword } from "@/lib/auth/local-auth";
import { failure, jsonAuthRoute } from "@/lib/auth/route";
import { resetPasswordSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(resetPasswordSchema, async (input, ctx) => {
  const result = await resetPassword(ctx.conn, input);
  return result.ok ? NextResponse.json({ ok: true, next: "/login?reset=1" }) : failure(result);
});
