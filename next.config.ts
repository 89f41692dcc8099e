import type { NextConfig } from "next";
import { contentSecurityPolicy, PATHS_WITHOUT_PROXY, securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "postgres"],
  poweredByHeader: false,
  // `npm run typecheck` checks types; builds made to start the app or run the tests skip Next's second pass.
  typescript: { ignoreBuildErrors: process.env.PARTNEROS_BUILD_SKIP_TYPECHECK === "1" },
  // The template library reads its Markdown at run time.
  outputFileTracingIncludes: { "/**": ["./content/templates/**/*.md"] },
  // CSV imports of up to 5,000 rows and status attachments of up to 10 MB travel as one server-action
  // body; the proxy must let the same size through, so our own size check answers, not the framework.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" }, proxyClientMaxBodySize: "11mb" },
  async headers() {
    const production = process.env.NODE_ENV === "production";
    const csp = { key: "Content-Security-Policy", value: contentSecurityPolicy(production) };
    // Pages get a per-request nonce policy from proxy.ts instead; two policies would both be enforced.
    return [
      { source: "/:path*", headers: securityHeaders(production) },
      ...PATHS_WITHOUT_PROXY.map((source) => ({ source, headers: [csp] })),
    ];
  },
};

export default nextConfig;
