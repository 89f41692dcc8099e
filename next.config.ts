import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "postgres"],
  poweredByHeader: false,
  // The template library reads its Markdown at run time.
  outputFileTracingIncludes: { "/**": ["./content/templates/**/*.md"] },
  // CSV imports of up to 5,000 rows and status attachments of up to 10 MB travel as one server-action
  // body; the proxy must let the same size through, so our own size check answers, not the framework.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" }, proxyClientMaxBodySize: "11mb" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
