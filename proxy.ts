import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import WebSocket from "ws";

/**
 * Passes the requested path to server components (for post-login returns) and, with Supabase Auth,
 * refreshes the session cookies. Authorization itself happens in every page, action and route.
 */
export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  let response = NextResponse.next({ request: { headers } });

  const url = process.env.NEXT_PUBLIC_SUPABASE_URL;
  const key = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  if (url && key) {
    const supabase = createServerClient(url, key, {
      realtime: { transport: WebSocket as never },
      cookies: {
        getAll: () => request.cookies.getAll(),
        setAll: (toSet) => {
          for (const { name, value } of toSet) request.cookies.set(name, value);
          response = NextResponse.next({ request: { headers } });
          for (const { name, value, options } of toSet) response.cookies.set(name, value, options);
        },
      },
    });
    await supabase.auth.getClaims();
  }
  return response;
}

export const config = {
  // The referral redirect (r/) needs neither the path header nor a session refresh, and is the hottest route.
  matcher: ["/((?!api/|r/|_next/static|_next/image|favicon.ico).*)"],
};
