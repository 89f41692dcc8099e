import "server-only";
import { NextResponse } from "next/server";
import type { Connection } from "@/lib/db/connection";
import { clientAddress, problem, readJsonInput, validationProblem } from "@/lib/http/problem";
import { attributionFromCookieHeader } from "./attribution";
import { allowedOrigins, corsHeaders } from "./cors";
import { createReferral } from "./create-referral";
import { referralApiSchema } from "./schemas";

function withCors(response: Response, origin: string | null): Response {
  for (const [key, value] of Object.entries(corsHeaders(origin))) response.headers.set(key, value);
  return response;
}

/** POST /api/referrals: a referral from a partner's site or our landing page, attributed by cookie or code. */
export async function postReferral(request: Request, conn: Connection): Promise<Response> {
  const origin = request.headers.get("origin");
  if (origin && !allowedOrigins().has(origin)) {
    return problem(403, "Origin not allowed", { detail: "This site may not submit referrals." });
  }
  const read = await readJsonInput(request);
  if ("problem" in read) return withCors(read.problem, origin);
  const parsed = referralApiSchema.safeParse(read.body);
  if (!parsed.success) return withCors(validationProblem(parsed.error), origin);
  const { code, ...input } = parsed.data;
  try {
    const outcome = await createReferral(conn, input, {
      source: "api",
      ip: clientAddress(request),
      cookie: attributionFromCookieHeader(request.headers.get("cookie")),
      code,
    });
    if (!outcome.ok && outcome.reason === "rate_limited") {
      return withCors(
        problem(429, "Too many referrals", {
          detail: "Try again later.",
          headers: { "Retry-After": String(outcome.retryAfterSeconds) },
        }),
        origin,
      );
    }
    if (!outcome.ok || !outcome.referralId) {
      return withCors(
        problem(422, "Some fields need attention", {
          errors: { code: ["Unknown or missing referral code, and no valid referral cookie"] },
        }),
        origin,
      );
    }
    const created = NextResponse.json(
      { id: outcome.referralId, attributedBy: outcome.attributedBy, selfReferral: outcome.selfReferral },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
    return withCors(created, origin);
  } catch (error) {
    console.error("[referrals] api failed", error);
    return withCors(
      problem(500, "Something went wrong on our side", {
        detail: "Nothing was recorded. Try again in a moment.",
      }),
      origin,
    );
  }
}

export function referralPreflight(request: Request): Response {
  return withCors(new Response(null, { status: 204 }), request.headers.get("origin"));
}
