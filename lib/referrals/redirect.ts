import "server-only";
import { NextResponse } from "next/server";
import { keyedHash } from "@/lib/crypto";
import { serverEnv } from "@/lib/env";
import { clientAddress, problem } from "@/lib/http/problem";
import { ATTRIBUTION_COOKIE, attributionCookieOptions, encodeAttribution } from "./attribution";
import { isBotUserAgent } from "./bot";
import { redirectBucket } from "./burst-limit";
import { recordRedirect } from "./click-queue";
import type { ClickRecord } from "./click-record";
import { cachedLink, resolveLink, type ResolvedLink } from "./link-cache";
import { notFoundPage } from "./not-found-page";
import { referralCodeSchema } from "./schemas";

export interface RedirectOptions {
  now?: Date;
}

/** Where a landing page URL from the allowlist points: app paths resolve against APP_URL. */
export function destinationOf(url: string): string {
  return url.startsWith("/") ? new URL(url, serverEnv().APP_URL).toString() : url;
}

const clip = (value: string | null, max: number) => (value ? value.slice(0, max) : null);

const tooMany = (retryAfter: number) =>
  problem(429, "Too many requests", {
    detail: "Slow down and try the link again in a moment.",
    headers: { "Retry-After": String(retryAfter) },
  });

function clickOf(request: Request, link: ResolvedLink, ip: string, ipHash: string, now: Date): ClickRecord {
  const userAgent = clip(request.headers.get("user-agent"), 500);
  return {
    linkId: link.linkId,
    partnerId: link.partnerId,
    clickedAt: now,
    visitorHash: keyedHash(`${ip}\n${userAgent ?? ""}`, "referral-visitor"),
    ipHash,
    userAgent,
    referrer: clip(request.headers.get("referer"), 500),
    isBot: isBotUserAgent(userAgent),
  };
}

function redirectTo(link: ResolvedLink, now: Date): Response {
  const response = new NextResponse(null, {
    status: 302,
    headers: { Location: destinationOf(link.url), "Cache-Control": "no-store" },
  });
  response.cookies.set(ATTRIBUTION_COOKIE, encodeAttribution(link.code, now), attributionCookieOptions(link.windowDays));
  return response;
}

/** Where the link of a partner still in review sends a visitor (a page that says so; no click, no cookie). */
export const LINK_NOT_ACTIVE_PATH = "/link-not-active";

function notActive(): Response {
  return new NextResponse(null, {
    status: 302,
    headers: { Location: destinationOf(LINK_NOT_ACTIVE_PATH), "Cache-Control": "no-store" },
  });
}

/**
 * GET /r/<code>: 302 to the link's landing page (never to anything the request names) with the attribution
 * cookie (last click wins), sent only once the click is durable. Every request takes a token from its
 * address's shared burst bucket; for a cached link that and the click are one round trip.
 */
export async function referralRedirect(
  request: Request,
  rawCode: string,
  options: RedirectOptions = {},
): Promise<Response> {
  const ip = clientAddress(request);
  const ipHash = keyedHash(ip, "referral-ip");
  const bucket = redirectBucket(ipHash);
  const now = options.now ?? new Date();
  const code = referralCodeSchema.safeParse(rawCode);
  const cached = code.success ? cachedLink(code.data) : null;
  if (cached && !cached.active) return notActive();
  if (cached) {
    const outcome = await recordRedirect({ bucket, click: clickOf(request, cached, ip, ipHash, now) });
    return outcome.granted ? redirectTo(cached, now) : tooMany(outcome.retryAfter);
  }
  // Unknown to the cache: the token first, so a flood of made-up codes costs batched token takes, not lookups.
  const gate = await recordRedirect({ bucket, click: null });
  if (!gate.granted) return tooMany(gate.retryAfter);
  const link = code.success && cached === undefined ? await resolveLink(code.data) : null;
  if (!link) return notFoundPage();
  if (!link.active) return notActive();
  await recordRedirect({ bucket: null, click: clickOf(request, link, ip, ipHash, now) });
  return redirectTo(link, now);
}
