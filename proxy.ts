import { NextResponse, type NextRequest } from "next/server";
import { refreshSessionCookies } from "@/lib/auth/refresh";
import { contentSecurityPolicy, createNonce } from "@/lib/security/headers";
import { malformedActionBody } from "@/lib/http/action-body";
import { malformedPath } from "@/lib/http/url";

const badRequest = (title: string, detail: string) =>
  NextResponse.json({ type: "about:blank", title, status: 400, detail }, { status: 400, headers: { "Content-Type": "application/problem+json" } });

/**
 * Passes the requested path to server components (for post-login returns), sets the page's
 * Content-Security-Policy with a fresh script nonce and lets the auth port refresh the session
 * cookies. Authorization itself happens in every page, action and route.
 */
export async function proxy(request: NextRequest) {
  // A path the router cannot decode would fail inside the framework as a 500; it is the client's error.
  const malformed = malformedPath(request.nextUrl.pathname);
  if (malformed) return badRequest("Malformed URL", malformed);
  const badBody = await malformedActionBody(request);
  if (badBody) return badRequest("Malformed action request", badBody);
  if (/^\/(api|r)\//.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = createNonce();
  const csp = contentSecurityPolicy(process.env.NODE_ENV === "production", nonce);
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  // Next reads the nonce from the request's policy and puts it on its own scripts; the root layout
  // reads x-nonce for the theme script.
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const respond = () => {
    const r = NextResponse.next({ request: { headers } });
    r.headers.set("Content-Security-Policy", csp);
    return r;
  };
  let response = respond();

  // The auth port's cookie refresh hook (a no-op for the local adapter, whose cookie needs none).
  await refreshSessionCookies({
    get: (name) => request.cookies.get(name)?.value,
    getAll: () => request.cookies.getAll(),
    set: (name, value, options) => {
      request.cookies.set(name, value);
      // Server components of this request read the refreshed cookie, not the one that just expired.
      headers.set("cookie", request.cookies.toString());
      const carried = response.cookies.getAll();
      response = respond();
      for (const cookie of carried) response.cookies.set(cookie);
      response.cookies.set(name, value, options);
    },
  });
  return response;
}

export const config = {
  // The referral redirect (r/) needs neither the path header nor a session refresh, and is the hottest route.
  // What this skips gets its Content-Security-Policy from next.config.ts (PATHS_WITHOUT_PROXY). API and
  // referral paths pass through only when they hold a percent sign, to be checked for malformed encoding.
  // Static files (public/ and app/'s icon and Open Graph files) need no nonce and no session; their names are
  // matched whole, so a malformed variant of one still reaches the path check above.
  matcher: [
    "/((?!api/|r/|training(?:/|$)|_next/static|_next/image|(?:favicon\\.ico|icon\\.svg|apple-icon\\.png|opengraph-image\\.png|robots\\.txt|logo\\.svg)$).*)",
    "/(api|r)/(.*%.*)",
  ],
};
