import { VIDEO_FRAME_HOSTS } from "../training/video";

export interface Header {
  key: string;
  value: string;
}

/**
 * Scripts run only with the request's nonce ('strict-dynamic' lets those load Next's chunks); without a
 * nonce (API responses, redirects, static files) no inline script runs at all. Styles keep 'unsafe-inline':
 * Radix, sonner and next-themes set style attributes, which a nonce cannot cover, and an injected style
 * cannot run code.
 */
export function contentSecurityPolicy(production: boolean, nonce?: string): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  const directives = [
    "default-src 'self'",
    // Dev mode evaluates code for fast refresh and React's error overlay; production never does.
    `script-src ${scripts}${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    // Lesson videos load only after the learner presses play, and only from these two players.
    `frame-src 'self' ${VIDEO_FRAME_HOSTS.join(" ")}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce for one page response (proxy.ts; Web Crypto, so it runs in any runtime). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Paths proxy.ts does not run for get the nonce-less policy from next.config.ts; pages get theirs, with a
 * nonce, from the proxy. Keep in step with the proxy's matcher.
 */
export const PATHS_WITHOUT_PROXY = [
  "/api/:path*",
  "/r/:path*",
  "/_next/static/:path*",
  "/_next/image",
  "/favicon.ico",
  "/icon.svg",
  "/apple-icon.png",
  "/opengraph-image.png",
  "/robots.txt",
  "/logo.svg",
  // Lesson images of public/training.
  "/training",
  "/training/:path*",
];

/** Headers for every response; the Content-Security-Policy is separate (see PATHS_WITHOUT_PROXY). */
export function securityHeaders(production: boolean): Header[] {
  const headers: Header[] = [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (production) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
  }
  return headers;
}
