// POST /api/auth/signup — partner self sign-up (an application in the review queue); sends the verification email.
import { followUpSignupApplication } from "@/lib/applications/signup";
import { authJson, failure, jsonAuthRoute } from "@/lib/auth/route";
import { signUpSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(signUpSchema, async (input, ctx) => {
  const result = await ctx.auth.signUp(input, ctx);
  if (!result.ok) return failure(result);
  await followUpSignupApplication(ctx.conn, input.email);
  return authJson(ctx, { ok: true, next: `/check-email?email=${encodeURIComponent(input.email)}` }, 201);
});
