// POST /api/auth/login — email + password; sets the session cookie. Failed attempts are rate-limited per address.
import { z } from "zod";
import { logIn } from "@/lib/auth/local-auth";
import { failure, jsonAuthRoute, safeNext, withSessionCookie } from "@/lib/auth/route";
import { loginSchema } from "@/lib/auth/schemas";

const schema = loginSchema.extend({ next: z.string().max(500).optional() });

export const POST = jsonAuthRoute(schema, async ({ next, ...input }, ctx) => {
  const result = await logIn(ctx.conn, input, ctx);
  if (!result.ok) return failure(result);
  return withSessionCookie({ ok: true, next: safeNext(next, result.value.home) }, result.value.claims);
});
