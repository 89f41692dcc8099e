// POST /api/auth/change-password — the signed-in user changes their password (current one required).
import { authJson, failure, jsonAuthRoute } from "@/lib/auth/route";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/problem";

export const POST = jsonAuthRoute(changePasswordSchema, async (input, ctx) => {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  // Every other session ends with the change; this browser continues on a fresh one.
  const result = await ctx.auth.changePassword(user, input, ctx);
  return result.ok ? authJson(ctx, { ok: true }) : failure(result);
});
