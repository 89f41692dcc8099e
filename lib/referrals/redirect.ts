import "server-only";
import { NextResponse } from "next/server";
import { keyedHash } from "@/lib/crypto";
import { serverEnv } from "@/lib/env";
import { clientAddress, problem } from "@/lib/http/problem";
import { ATTRIBUTION_COOKIE, attributionCookieOptions, encodeAttribution } from "./attribution";
import { isBotUserAgent } from "./bot";
import { takeBurstToken } from "./burst-limit";
import { enqueueClick } from "./click-queue";
import { resolveLink } from "./link-cache";
import { notFoundPage } from "./not-found-page";
import { referralCodeSchema } from "./schemas";

export interface RedirectOptions {
  /** Work the response must not wait for but a graceful shutdown must (Next's `after`). */
  defer?: (task: Promise<void>) => void;
  now?: Date;
}

/** Where a landing page URL from the allowlist points: app paths resolve against APP_URL. */
export function destinationOf(url: string): string {
  return url.startsWith("/") ? new URL(url, serverEnv().APP_URL).toString() : url;
}

const clip = (value: string | null, max: number) => (value ? value.slice(0, max) : null);

/**
 * GET /r/<code>: 302 to the link's landing page (never to anything the request names), the attribution
 * cookie (last click wins), and the click queued for a batched write.
 */
export async function referralRedirect(
  request: Request,
  rawCode: string,
  options: RedirectOptions = {},
): Promise<Response> {
  const ip = clientAddress(request);
  const retryAfter = takeBurstToken(`r:${ip}`);
  if (retryAfter > 0) {
    return problem(429, "Too many requests", {
      detail: "Slow down and try the link again in a moment.",
      headers: { "Retry-After": String(retryAfter) },
    });
  }
  const code = referralCodeSchema.safeParse(rawCode);
  const link = code.success ? await resolveLink(code.data) : null;
  if (!link) return notFoundPage();

  const now = options.now ?? new Date();
  const userAgent = clip(request.headers.get("user-agent"), 500);
  const written = enqueueClick({
    linkId: link.linkId,
    partnerId: link.partnerId,
    clickedAt: now,
    visitorHash: keyedHash(`${ip}\n${userAgent ?? ""}`, "referral-visitor"),
    ipHash: keyedHash(ip, "referral-ip"),
    userAgent,
    referrer: clip(request.headers.get("referer"), 500),
    isBot: isBotUserAgent(userAgent),
  });
  options.defer?.(written);

  const response = new NextResponse(null, {
    status: 302,
    headers: { Location: destinationOf(link.url), "Cache-Control": "no-store" },
  });
  response.cookies.set(
    ATTRIBUTION_COOKIE,
    encodeAttribution(link.code, now),
    attributionCookieOptions(link.windowDays),
  );
  return response;
}
