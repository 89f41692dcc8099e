import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getConnection } from "@/lib/db/client";
import type { Connection } from "@/lib/db/connection";
import { serverEnv } from "@/lib/env";
import { clientAddress, problem, readJsonInput, validationProblem } from "@/lib/http/problem";
import { cookies } from "next/headers";
import { auth } from "./auth";
import type { AuthContext, AuthPort, CookieJar, CookieOptions } from "./port";
import type { AuthFailure } from "./result";

export interface AuthRouteContext extends AuthContext {
  conn: Connection;
  request: Request;
  auth: AuthPort;
  /** Puts the cookies the port set during this request on the response. */
  respond<R extends NextResponse>(response: R): R;
}

/** The port and its request context for a route handler. */
export async function authContext(request: Request): Promise<AuthRouteContext> {
  const store = await cookies();
  const incoming = store.getAll();
  const pending = new Map<string, { value: string; options: CookieOptions }>();
  const jar: CookieJar = {
    get: (name) => {
      const set = pending.get(name);
      if (set) return set.options.maxAge === 0 ? undefined : set.value;
      return store.get(name)?.value;
    },
    getAll: () => [
      ...incoming.filter((c) => !pending.has(c.name)),
      ...[...pending].filter(([, c]) => c.options.maxAge !== 0).map(([name, c]) => ({ name, value: c.value })),
    ],
    set: (name, value, options) => void pending.set(name, { value, options }),
  };
  return {
    respond: (response) => {
      for (const [name, { value, options }] of pending) response.cookies.set(name, value, options);
      return response;
    },
    conn: await getConnection(),
    cookies: jar,
    ip: clientAddress(request),
    userAgent: request.headers.get("user-agent"),
    appUrl: serverEnv().APP_URL,
    request,
    auth: auth(),
  };
}

/** A JSON auth endpoint: parse a JSON object, validate it strictly (unknown fields such as `role` are refused), run. */
export function jsonAuthRoute<S extends z.ZodType>(schema: S, handler: (input: z.infer<S>, ctx: AuthRouteContext) => Promise<Response>) {
  return async (request: Request) => {
    const read = await readJsonInput(request);
    if ("problem" in read) return read.problem;
    const parsed = schema.safeParse(read.body);
    if (!parsed.success) return validationProblem(parsed.error);
    try {
      return await handler(parsed.data, await authContext(request));
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

/** The JSON answer of an auth endpoint, with the session cookies the port set. */
export function authJson(ctx: AuthRouteContext, body: Record<string, unknown>, status = 200): NextResponse {
  return ctx.respond(NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } }));
}

/** Keeps post-login redirects on this site. */
export function safeNext(next: unknown, fallback: string): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  return next;
}
