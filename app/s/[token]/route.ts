// GET /s/:token[?format=pdf] — a filled document shared read-only with anyone holding the link; every access is logged.
import { keyedHash } from "@/lib/crypto";
import { withAnon } from "@/lib/db/session";
import { clientAddress } from "@/lib/http/problem";
import { brandingFrom } from "@/lib/templates/branding";
import { exportDocument, EXPORT_TYPES, fileNameFor } from "@/lib/templates/export";
import { libraryTemplates } from "@/lib/templates/library";
import { renderHtml } from "@/lib/templates/render/html";
import { shareErrorHtml, sharedDocumentHtml } from "@/lib/templates/share-page";
import { openSharedFill } from "@/lib/templates/shared-fill";

export const dynamic = "force-dynamic";

const html = (body: string, status: number) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
const day = (v: Date | string | null) => (v == null ? null : new Date(v).toISOString().slice(0, 10));

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(token)) return html(shareErrorHtml(404, null), 404);
  const ip = clientAddress(request);
  // Logged-out readers: `anon` may call only the function that opens one fill by its token and logs it.
  const shared = await withAnon((tx) =>
    openSharedFill(tx, { token, ipHash: keyedHash(ip, "share-ip"), userAgent: request.headers.get("user-agent") }),
  );
  if (!shared || shared.outcome === "revoked") return html(shareErrorHtml(404, null), 404);
  if (shared.outcome === "expired") return html(shareErrorHtml(410, shared.company_name), 410);
  const branding = brandingFrom(shared);
  const template = libraryTemplates().find((t) => t.slug === shared.template_slug) ?? null;
  const title = shared.title ?? "Shared document";
  if (new URL(request.url).searchParams.get("format") === "pdf") {
    const body = await exportDocument({ format: "pdf", title, markdown: shared.markdown ?? "", template, branding, includeGuidance: false });
    return new Response(new Uint8Array(body), {
      headers: { "Content-Type": EXPORT_TYPES.pdf, "Content-Disposition": `attachment; filename="${fileNameFor(title, "pdf")}"`, "Cache-Control": "no-store" },
    });
  }
  return html(
    sharedDocumentHtml({
      title,
      bodyHtml: renderHtml(shared.markdown ?? "", { includeGuidance: false }),
      branding,
      sharedOn: day(shared.shared_at)!,
      expiresOn: day(shared.expires_at),
      legalNotice: template?.frontmatter.legal_notice ?? false,
      pdfHref: `/s/${token}?format=pdf`,
    }),
    200,
  );
}
