import "server-only";

const FALLBACK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body><main><h1>Page not found</h1><p>The link may be mistyped, or the page may have moved.</p><p><a href="/">Go to your home page</a></p></main></body></html>`;

const globalForPage = globalThis as typeof globalThis & {
  __partnerosNotFoundHtml?: { html: string; at: number };
};

/**
 * The app's own 404 page for a route handler (which cannot render it): fetched once from this server
 * at a path no route matches, then kept for a few minutes.
 */
async function notFoundHtml(): Promise<string> {
  const cached = globalForPage.__partnerosNotFoundHtml;
  if (cached && Date.now() - cached.at < 300_000) return cached.html;
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin) return FALLBACK;
  try {
    const response = await fetch(`${origin}/r/-/not-found`, {
      cache: "no-store",
      signal: AbortSignal.timeout(3_000),
    });
    const html = response.status === 404 ? await response.text() : FALLBACK;
    globalForPage.__partnerosNotFoundHtml = { html, at: Date.now() };
    return html;
  } catch {
    return FALLBACK;
  }
}

export async function notFoundPage(): Promise<Response> {
  return new Response(await notFoundHtml(), {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
