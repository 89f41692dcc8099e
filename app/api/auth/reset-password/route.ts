// POST /api/auth/reset-password — sets a new password from a reset link, ends every other session and signs in afresh.
import { authJson, failure, jsonAuthRoute } from "@/lib/auth/route";
import { resetPasswordSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(resetPasswordSchema, async (input, ctx) => {
  const result = await ctx.auth.resetPassword(input, ctx);
  if (!result.ok) return failure(result);
  // The link proved ownership: the person continues signed in, on a fresh session.
  return authJson(ctx, { ok: true, next: result.value?.home ?? "/login?reset=1" });
});
