// POST /api/auth/login — email + password; sets the session cookie. Failed attempts are rate-limited per address.
import { z } from "zod";
import { authJson, failure, jsonAuthRoute, safeNext } from "@/lib/auth/route";
import { loginSchema } from "@/lib/auth/schemas";

const schema = loginSchema.extend({ next: z.string().max(500).optional() });

export const POST = jsonAuthRoute(schema, async ({ next, ...input }, ctx) => {
  const result = await ctx.auth.signIn(input, ctx);
  return result.ok ? authJson(ctx, { ok: true, next: safeNext(next, result.value.home) }) : failure(result);
});
