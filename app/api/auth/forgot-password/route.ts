// POST /api/auth/forgot-password — emails a reset link; answers the same whether or not the account exists.
import { authJson, failure, jsonAuthRoute } from "@/lib/auth/route";
import { requestResetSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(requestResetSchema, async ({ email }, ctx) => {
  const result = await ctx.auth.requestReset(email, ctx);
  return result.ok ? authJson(ctx, { ok: true }) : failure(result);
});
