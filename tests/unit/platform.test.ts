import { describe, expect, test } from "vitest";
import { quarterOf } from "@/lib/domain/quarter";
import { retryDelayMs } from "@/lib/email/worker";
import { formatMoney, minorDigits } from "@/lib/money";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";
import { verifyEmailContent } from "@/lib/email/templates";

describe("money", () => {
  test.each([
    ["USD", 2],
    ["EUR", 2],
    ["JPY", 0],
    ["BHD", 3],
  ])("%s has %i minor digits", (currency, digits) => expect(minorDigits(currency)).toBe(digits));

  test.each([
    [1234567, "USD", "$12,345.67"],
    [1234567, "JPY", "¥1,234,567"],
    [25000000, "USD", "$250,000.00"],
  ])("formats %i %s as %s", (minor, currency, text) => expect(formatMoney(minor, currency)).toBe(text));
});

describe("quarters", () => {
  test.each([
    ["2026-11-21T12:00:00Z", "Q4 2026", "2026-10-01", "2027-01-01"],
    ["2026-01-01T00:00:00Z", "Q1 2026", "2026-01-01", "2026-04-01"],
    ["2026-06-30T23:59:59Z", "Q2 2026", "2026-04-01", "2026-07-01"],
  ])("%s is in %s", (date, label, start, end) => expect(quarterOf(new Date(date))).toMatchObject({ label, start, end }));
});

describe("email", () => {
  test("retry delays back off exponentially and cap at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  test("templates escape user-supplied names in HTML", () => {
    const mail = verifyEmailContent('<script>alert("x")</script>', "http://localhost:3000/api/auth/verify?token=abc");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.text).toContain("http://localhost:3000/api/auth/verify?token=abc");
  });
});

describe("security headers", () => {
  test("production adds HSTS and keeps eval out of the CSP", () => {
    const prod = securityHeaders(true);
    expect(prod.find((h) => h.key === "Strict-Transport-Security")?.value).toContain("max-age=63072000");
    expect(contentSecurityPolicy(true)).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy(true)).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(true)).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(securityHeaders(false).some((h) => h.key === "Strict-Transport-Security")).toBe(false);
    expect(prod.find((h) => h.key === "Referrer-Policy")?.value).toBe("strict-origin-when-cross-origin");
  });
});
