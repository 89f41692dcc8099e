import { timingSafeEqual } from "node:crypto";
import { keyedHash } from "@/lib/crypto";

export const ATTRIBUTION_COOKIE = "po_ref";
export const DEFAULT_ATTRIBUTION_WINDOW_DAYS = 90;

export interface Attribution {
  code: string;
  clickedAt: Date;
}

const sign = (payload: string) => keyedHash(payload, "attribution-cookie");

/** `<code>.<click time in epoch seconds>.<keyed signature>`: tamper-evident, and still checked against the database when read. */
export function encodeAttribution(code: string, clickedAt: Date): string {
  const payload = `${code}.${Math.floor(clickedAt.getTime() / 1000)}`;
  return `${payload}.${sign(payload)}`;
}

export function decodeAttribution(value: string | undefined | null): Attribution | null {
  if (!value) return null;
  const match = /^([a-z0-9][a-z0-9-]{2,39})\.(\d{9,11})\.([A-Za-z0-9_-]{32})$/.exec(value);
  if (!match) return null;
  const [, code, seconds, signature] = match;
  const expected = Buffer.from(sign(`${code}.${seconds}`));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { code: code!, clickedAt: new Date(Number(seconds) * 1000) };
}

/** A click attributes a referral for `windowDays` after it; a later click replaces the cookie (last click wins). */
export function isWithinWindow(attribution: Attribution, windowDays: number, now = new Date()): boolean {
  const age = now.getTime() - attribution.clickedAt.getTime();
  return age >= -60_000 && age <= windowDays * 86_400_000;
}

export function attributionCookieOptions(windowDays: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production",
    path: "/",
    maxAge: windowDays * 86_400,
  };
}

/** The cookie value from a raw Cookie header (route handlers and tests without next/headers). */
export function attributionFromCookieHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === ATTRIBUTION_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}
