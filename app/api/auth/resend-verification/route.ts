// POST /api/auth/resend-verification — a fresh confirmation link; answers the same whether or not the account exists.
import { authJson, failure, jsonAuthRoute } from "@/lib/auth/route";
import { resendVerificationSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(resendVerificationSchema, async ({ email }, ctx) => {
  const result = await ctx.auth.resendVerification(email, ctx);
  return result.ok ? authJson(ctx, { ok: true }) : failure(result);
});
