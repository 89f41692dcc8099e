import { NextResponse } from "next/server";
import type { z } from "zod";
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from "./text";

export type FieldErrors = Record<string, string[]>;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldErrors;
}

/** An RFC 9457 problem response. */
export function problem(status: number, title: string, init: Omit<Problem, "status" | "title" | "type"> & { type?: string; headers?: HeadersInit } = {}) {
  const { headers, type, ...rest } = init;
  const body: Problem = { type: type ?? "about:blank", title, status, ...rest };
  return NextResponse.json(body, {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out[key] = [`"${key}" is not a field of this form`];
      continue;
    }
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationProblem(error: z.ZodError) {
  return problem(422, "Some fields need attention", { errors: fieldErrorsOf(error) });
}

/** Reads a JSON object body; null when the body is not a JSON object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A JSON object body, or the problem response it earns: 400 when it is not a JSON object, 422 with the
 * field when a string holds text Postgres cannot store (NUL, lone surrogates).
 */
export async function readJsonInput(request: Request): Promise<{ body: Record<string, unknown> } | { problem: NextResponse }> {
  const body = await readJsonObject(request);
  if (!body) return { problem: problem(400, "Send a JSON object", { detail: "The request body must be a JSON object." }) };
  const unsafe = findUnsafeText(body);
  if (unsafe) return { problem: problem(422, "Some fields need attention", { errors: { [unsafe]: [UNSAFE_TEXT_MESSAGE] } }) };
  return { body };
}

/**
 * Set by the PartnerOS server (scripts/next-server.ts) to the TCP peer's address, after discarding any value
 * the client sent under this name.
 */
export const PEER_ADDRESS_HEADER = "x-partneros-peer-address";

/** TRUSTED_PROXY_HOPS: how many proxies in front of the app append to X-Forwarded-For (0 = none, the default). */
export function trustedProxyHops(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? "0");
  return Number.isInteger(hops) && hops >= 0 && hops <= 20 ? hops : 0;
}

let warnedUnknownPeer = false;

/** No trustworthy address at all: every such client shares one bucket, which is safe but coarse, so say so once. */
function unknownPeer(): string {
  if (!warnedUnknownPeer && process.env.NODE_ENV === "production") {
    warnedUnknownPeer = true;
    console.warn("[rate-limit] no client address: run `npm start` (scripts/next-server.ts) or set TRUSTED_PROXY_HOPS for your proxy");
  }
  return "unknown";
}

/**
 * The client address rate limits key on. Only what trusted parties wrote counts: with N proxies the address
 * the outermost one saw is the Nth X-Forwarded-For entry from the right (entries further left are whatever
 * the client sent); with none, the socket peer. A request that did not pass all N proxies falls back to the peer.
 */
export function clientAddress(request: Request): string {
  const hops = trustedProxyHops();
  const peer = request.headers.get(PEER_ADDRESS_HEADER)?.trim() || unknownPeer();
  if (hops === 0) return peer;
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded.length >= hops ? forwarded[forwarded.length - hops]! : peer;
}
