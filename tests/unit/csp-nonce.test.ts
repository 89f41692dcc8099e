import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, PATHS_WITHOUT_PROXY } from "@/lib/security/headers";
import nextConfig from "@/next.config";

const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src "))!;

describe("content security policy", () => {
  test("production scripts run only with the nonce, never inline without one", () => {
    expect(scriptSrc(contentSecurityPolicy(true, "abc123"))).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(scriptSrc(contentSecurityPolicy(true))).toBe("script-src 'self'");
    expect(scriptSrc(contentSecurityPolicy(false, "abc123"))).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic' 'unsafe-eval'");
  });

  test("every page response gets a fresh nonce, in its policy and in the request headers Next renders with", async () => {
    const policies: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await proxy(new NextRequest("http://localhost:3000/dashboard"));
      const policy = response.headers.get("content-security-policy")!;
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      // NextResponse.next({ request: { headers } }) hands the overridden request headers on like this.
      expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      policies.push(policy);
    }
    expect(policies[0]).not.toBe(policies[1]);
  });

  test("next.config sets the nonce-less policy only where the proxy does not run, so no page gets two", async () => {
    const rules = (await nextConfig.headers!()) as { source: string; headers: { key: string }[] }[];
    const withCsp = rules.filter((r) => r.headers.some((h) => h.key === "Content-Security-Policy")).map((r) => r.source);
    expect(withCsp).toEqual(PATHS_WITHOUT_PROXY);
    expect(rules.find((r) => r.source === "/:path*")!.headers.map((h) => h.key)).toContain("X-Content-Type-Options");
  });
});
