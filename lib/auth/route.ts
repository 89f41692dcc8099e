import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getConnection } from "@/lib/db/client";
import type { Connection } from "@/lib/db/connection";
import type { SessionClaims } from "@/lib/db/session";
import { serverEnv } from "@/lib/env";
import { clientAddress, problem, readJsonInput, validationProblem } from "@/lib/http/problem";
import { sessionCookieName, sessionCookieOptions } from "./cookie";
import { signSession } from "./jwt";
import type { AuthFailure } from "./local-auth";

export interface AuthRouteContext {
  conn: Connection;
  ip: string;
  userAgent: string | null;
  appUrl: string;
  request: Request;
}

/** A JSON auth endpoint: parse a JSON object, validate it strictly (unknown fields such as `role` are refused), run. */
export function jsonAuthRoute<S extends z.ZodType>(schema: S, handler: (input: z.infer<S>, ctx: AuthRouteContext) => Promise<Response>) {
  return async (request: Request) => {
    const read = await readJsonInput(request);
    if ("problem" in read) return read.problem;
    const parsed = schema.safeParse(read.body);
    if (!parsed.success) return validationProblem(parsed.error);
    try {
      return await handler(parsed.data, {
        conn: await getConnection(),
        ip: clientAddress(request),
        userAgent: request.headers.get("user-agent"),
        appUrl: serverEnv().APP_URL,
        request,
      });
    } catch (error) {
      console.error("[auth] request failed", error);
      return problem(500, "Something went wrong on our side", { detail: "Nothing was changed. Try again in a moment." });
    }
  };
}

export function failure(result: AuthFailure): Response {
  return problem(result.status, result.title, {
    detail: result.detail,
    errors: result.errors,
    type: result.code ? `https://partneros.dev/problems/${result.code}` : undefined,
    headers: result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : undefined,
  });
}

export async function withSessionCookie(body: Record<string, unknown>, claims: Omit<SessionClaims, "iat" | "exp">): Promise<NextResponse> {
  const response = NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
  response.cookies.set(sessionCookieName(), await signSession(claims, serverEnv().SESSION_SECRET), sessionCookieOptions());
  return response;
}

/** Keeps post-login redirects on this site. */
export function safeNext(next: unknown, fallback: string): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  return next;
}
