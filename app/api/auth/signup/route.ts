// POST /api/auth/signup — partner self sign-up; sends the verification email.
import { authJson, failure, jsonAuthRoute } from "@/lib/auth/route";
import { signUpSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(signUpSchema, async (input, ctx) => {
  const result = await ctx.auth.signUp(input, ctx);
  if (!result.ok) return failure(result);
  return authJson(ctx, { ok: true, next: `/check-email?email=${encodeURIComponent(input.email)}` }, 201);
});
