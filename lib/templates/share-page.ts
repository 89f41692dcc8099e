import "server-only";
import type { Branding } from "./render/document";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;background:#f8fafc}
header{background:#fff;border-bottom:4px solid var(--brand);padding:16px 24px;display:flex;gap:16px;align-items:center;justify-content:space-between;flex-wrap:wrap}
header .brand{display:flex;gap:12px;align-items:center;font-weight:600}header img{max-height:40px;max-width:160px}
main{max-width:860px;margin:24px auto;background:#fff;padding:32px 40px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{margin:0 0 4px;font-size:1.8rem}h2,h3{color:var(--brand);margin-top:1.6em}.meta{color:#475569;font-size:.9rem;margin-bottom:24px}
.table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:12px 0;font-size:.92rem}th,td{border:1px solid #cbd5e1;padding:6px 10px;text-align:left;vertical-align:top}th{background:#f1f5f9}
blockquote,aside.guidance{border-left:4px solid var(--brand);background:#f8fafc;margin:12px 0;padding:8px 16px}aside.guidance{display:none}
a.button{display:inline-block;padding:8px 14px;border-radius:6px;background:var(--brand);color:#fff;text-decoration:none;font-weight:600}
a.button:focus-visible{outline:3px solid #0f172a;outline-offset:2px}.notice{background:#fef3c7;border:1px solid #f59e0b;padding:8px 12px;border-radius:6px}
footer{max-width:860px;margin:0 auto 32px;color:#64748b;font-size:.85rem;padding:0 8px}
@media (max-width:700px){main{padding:20px}}@media print{header a.button,footer{display:none}main{box-shadow:none}}`;

export function sharedDocumentHtml(input: {
  title: string;
  bodyHtml: string;
  branding: Branding;
  sharedOn: string;
  expiresOn: string | null;
  legalNotice: boolean;
  pdfHref: string;
}): string {
  const { branding } = input;
  const logo = branding.logo
    ? `<img src="data:image/${branding.logo.type};base64,${branding.logo.data.toString("base64")}" alt="${esc(branding.companyName)}">`
    : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><title>${esc(input.title)} · ${esc(branding.companyName)}</title>
<style>:root{--brand:${branding.primaryColor}}${STYLE}</style></head><body>
<header><div class="brand">${logo}<span>${esc(branding.companyName)}</span></div><a class="button" href="${esc(input.pdfHref)}">Download PDF</a></header>
<main><h1>${esc(input.title)}</h1><p class="meta">Shared read-only on ${esc(input.sharedOn)}${input.expiresOn ? ` · link expires ${esc(input.expiresOn)}` : ""}</p>
${input.legalNotice ? '<p class="notice">This template is not legal advice. Have counsel review it before use.</p>' : ""}
${input.bodyHtml}</main><footer>${esc(branding.footerText ?? branding.companyName)}</footer></body></html>`;
}

export function shareErrorHtml(status: 404 | 410, companyName: string | null): string {
  const title = status === 410 ? "This link has expired" : "This link does not exist";
  const text =
    status === 410
      ? "The person who shared this document set the link to expire. Ask them for a new one."
      : "The link may have been mistyped or revoked by the person who shared it.";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><title>${title}</title><style>:root{--brand:#4f46e5}${STYLE}</style></head><body>
<main><h1>${title}</h1><p>${text}</p>${companyName ? `<p class="meta">${esc(companyName)}</p>` : ""}</main></body></html>`;
}
