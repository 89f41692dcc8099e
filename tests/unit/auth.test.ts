import { describe, expect, test } from "vitest";
import { signSession, verifySession } from "@/lib/auth/jwt";
import { loginSchema, signUpSchema } from "@/lib/auth/schemas";
import { fieldErrorsOf } from "@/lib/http/problem";
import type { SessionClaims } from "@/lib/db/session";

const secret = "unit-test-secret-0123456789-abcdefghijkl";
const claims: Omit<SessionClaims, "iat" | "exp"> = {
  sub: "6f1c2a52-9a43-4f55-8f50-6c2f0b1c2d3e",
  email: "vp@demo.partneros.dev",
  role: "authenticated",
  aud: "authenticated",
  app_metadata: { role: "vp", provider: "email" },
};

describe("session tokens", () => {
  test("round-trips Supabase-shaped claims", async () => {
    const token = await signSession(claims, secret);
    expect(await verifySession(token, secret)).toMatchObject(claims);
  });

  test.each([
    ["a flipped signature byte", (t: string) => t.slice(0, -2) + (t.at(-2) === "A" ? "B" : "A") + t.at(-1)],
    ["a rewritten payload", (t: string) => {
      const [h, , s] = t.split(".");
      const forged = Buffer.from(JSON.stringify({ ...claims, app_metadata: { role: "vp" }, sub: "00000000-0000-0000-0000-000000000000" })).toString("base64url");
      return `${h}.${forged}.${s}`;
    }],
    ["alg none", (t: string) => {
      const [, p] = t.split(".");
      return `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${p}.`;
    }],
    ["garbage", () => "not-a-jwt"],
  ])("rejects %s", async (_name, tamper) => {
    const token = await signSession(claims, secret);
    expect(await verifySession(tamper(token), secret)).toBeNull();
  });

  test("rejects a token signed with another secret, and an expired one", async () => {
    expect(await verifySession(await signSession(claims, "another-secret-0123456789-abcdefghijkl"), secret)).toBeNull();
    expect(await verifySession(await signSession(claims, secret, -10), secret)).toBeNull();
  });
});

describe("auth input validation", () => {
  const good = { displayName: "Dana", companyName: "Reyes", email: "dana@reyes.example", password: "long enough pw" };

  test.each([
    [{ email: "not-an-email" }, "email", "Enter a valid email address"],
    [{ email: "dana@" }, "email", "Enter a valid email address"],
    [{ password: "short" }, "password", "Use at least 10 characters"],
    [{ displayName: "   " }, "displayName", "Enter your name"],
    [{ role: "vp" }, "role", '"role" is not a field of this form'],
  ])("sign-up %o → field error on %s", (patch, field, message) => {
    const parsed = signUpSchema.safeParse({ ...good, ...patch });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error)[field]?.[0]).toContain(message);
  });

  test("emails are trimmed and lower-cased", () => {
    expect(signUpSchema.parse({ ...good, email: "  Dana@Reyes.Example " }).email).toBe("dana@reyes.example");
  });

  test("a forged role on login is refused", () => {
    const parsed = loginSchema.safeParse({ email: "a@b.example", password: "x", role: "vp" });
    expect(parsed.success).toBe(false);
  });
});
