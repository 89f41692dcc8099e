// POST /api/auth/accept-invite — creates the invited account with the role the VP chose and signs it in.
import { acceptInvitation } from "@/lib/auth/local-auth";
import { failure, jsonAuthRoute, withSessionCookie } from "@/lib/auth/route";
import { acceptInviteSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(acceptInviteSchema, async (input, ctx) => {
  const result = await acceptInvitation(ctx.conn, input, new Date(), ctx);
  if (!result.ok) return failure(result);
  return withSessionCookie({ ok: true, next: result.value.home }, result.value.claims);
});
