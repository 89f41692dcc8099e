import { describe, expect, test } from "vitest";
import { landingUrlSchema } from "@/lib/landing-pages/schemas";
import { decodeAttribution, encodeAttribution, isWithinWindow } from "@/lib/referrals/attribution";
import { isBotUserAgent } from "@/lib/referrals/bot";
import { hourBucket } from "@/lib/referrals/click-record";
import { isSelfReferral, websiteHost } from "@/lib/referrals/self-referral";

describe("bot heuristic", () => {
  test.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
      false,
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1",
      false,
    ],
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true],
    ["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", true],
    ["facebookexternalhit/1.1", true],
    ["curl/8.5.0", true],
    ["python-requests/2.32", true],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/126.0 Safari/537.36", true],
    ["", true],
    [null, true],
  ])("%s → bot: %s", (ua, bot) => {
    expect(isBotUserAgent(ua)).toBe(bot);
  });
});

describe("attribution cookie", () => {
  const at = new Date("2030-05-01T12:00:00Z");

  test("round-trips and refuses tampering", () => {
    const value = encodeAttribution("acme-k3qp", at);
    expect(decodeAttribution(value)).toEqual({ code: "acme-k3qp", clickedAt: at });
    expect(decodeAttribution(value.replace("acme-k3qp", "rival-k3qp"))).toBeNull();
    expect(
      decodeAttribution(value.replace(/\.(\d+)\./, (_m, s: string) => `.${Number(s) + 86_400}.`)),
    ).toBeNull();
    expect(decodeAttribution("acme-k3qp")).toBeNull();
    expect(decodeAttribution(undefined)).toBeNull();
  });

  test.each([
    [0, 90, true],
    [89.9, 90, true],
    [90.1, 90, false],
    [31, 30, false],
  ])("%s days after the click with a %s-day window → within: %s", (days, window, within) => {
    expect(
      isWithinWindow(
        { code: "acme-k3qp", clickedAt: at },
        window,
        new Date(at.getTime() + days * 86_400_000),
      ),
    ).toBe(within);
  });
});

describe("self-referral", () => {
  const partner = {
    website: "https://www.acme.example/about",
    colleagueEmails: ["ana@acme-labs.example", "sam@gmail.com"],
  };
  test.each([
    ["lead@acme.example", true],
    ["lead@ACME-LABS.example", true],
    ["lead@gmail.com", false],
    ["lead@other.example", false],
    ["lead@sub.acme.example", false],
  ])("%s → %s", (email, self) => {
    expect(isSelfReferral(email, partner)).toBe(self);
  });
  test("website hosts without a scheme still parse", () => {
    expect(websiteHost("acme.example")).toBe("acme.example");
    expect(websiteHost(null)).toBeNull();
  });
});

describe("landing page URLs", () => {
  test.each([
    ["/welcome", true],
    ["/welcome/security", true],
    ["https://www.example.com/partners?x=1", true],
    ["http://www.example.com", false],
    ["//evil.example", false],
    ["javascript:alert(1)", false],
    ["https://user:pw@example.com", false],
    ["/welcome?next=//evil", false],
    // The same cases the landing_pages_url_safe constraint refuses (tests/db/rules-enforced.test.ts).
    ["//2130706433", false],
    ["/\\evil.example", false],
    ["/welcome\\x", false],
    ["https://2130706433/", false],
    ["https://127.0.0.1/", false],
    ["https://evil.example\\@good.example", false],
    ["https://user@evil.example/", false],
    ["https://docs.test-co.example/start?x=1", true],
  ])("%s → allowed: %s", (url, ok) => {
    expect(landingUrlSchema.safeParse(url).success).toBe(ok);
  });
});

// The burst guard is a token bucket in Postgres shared by every instance: tests/db/click-durability.test.ts.
describe("hour buckets", () => {
  test("clicks bucket by UTC hour", () => {
    expect(hourBucket(new Date("2030-01-01T10:59:59.999Z")).toISOString()).toBe("2030-01-01T10:00:00.000Z");
    expect(hourBucket(new Date("2030-01-01T11:00:00Z")).toISOString()).toBe("2030-01-01T11:00:00.000Z");
  });
});
