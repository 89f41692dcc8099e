import type { EmailContent } from "@/lib/email/templates";

export interface DigestAlert {
  title: string;
  priority: string;
  recommendedAction: string | null;
  link: string | null;
}

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** At most this many alerts are listed; the rest are counted and wait on the alerts page. */
const LISTED = 25;

/** The digest email: the new alerts, most urgent first, each with its recommended action and link. */
export function digestContent(name: string, alerts: readonly DigestAlert[], appUrl: string): EmailContent {
  const listed = alerts.slice(0, LISTED);
  const more = alerts.length - listed.length;
  const subject = `${alerts.length} new ${alerts.length === 1 ? "alert" : "alerts"} in PartnerOS`;
  const url = (link: string | null) => `${appUrl}${link ?? "/alerts"}`;
  const text = [
    `Hi ${name},`,
    "",
    `Here is what needs your attention since your last digest:`,
    "",
    ...listed.flatMap((a) => [
      `[${a.priority}] ${a.title}`,
      ...(a.recommendedAction ? [`  → ${a.recommendedAction}`] : []),
      `  ${url(a.link)}`,
    ]),
    ...(more > 0 ? ["", `…and ${more} more.`] : []),
    "",
    `All alerts: ${appUrl}/alerts`,
    "",
    "You receive this email because the daily alert digest is on in your alert settings.",
  ].join("\n");
  const items = listed
    .map(
      (a) =>
        `<li style="margin:0 0 12px"><strong>[${escape(a.priority)}]</strong> <a href="${escape(url(a.link))}">${escape(a.title)}</a>${
          a.recommendedAction ? `<br><span style="color:#475569">${escape(a.recommendedAction)}</span>` : ""
        }</li>`,
    )
    .join("");
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;background:#f8fafc;padding:24px">
<table role="presentation" style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:32px"><tr><td>
<h1 style="font-size:20px;margin:0 0 16px">${escape(subject)}</h1><p>Hi ${escape(name)}, here is what needs your attention since your last digest:</p>
<ul style="padding-left:20px">${items}</ul>${more > 0 ? `<p>…and ${more} more.</p>` : ""}
<p style="margin:24px 0"><a href="${escape(`${appUrl}/alerts`)}" style="background:#4f46e5;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">Open your alerts</a></p>
<p style="font-size:13px;color:#475569;margin:0">You receive this email because the daily alert digest is on in your alert settings.</p>
</td></tr></table></body></html>`;
  return { subject, text, html };
}
