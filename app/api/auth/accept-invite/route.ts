// POST /api/auth/accept-invite — creates the invited account with the role the inviter chose and signs it in.
import { authJson, failure, jsonAuthRoute } from "@/lib/auth/route";
import { acceptInviteSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(acceptInviteSchema, async (input, ctx) => {
  const result = await ctx.auth.acceptInvite(input, ctx);
  return result.ok ? authJson(ctx, { ok: true, next: result.value.home }) : failure(result);
});
