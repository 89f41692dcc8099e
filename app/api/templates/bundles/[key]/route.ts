// GET /api/templates/bundles/:key?partner=<id>&format=docx|pdf — a set of documents filled for one partner, as a ZIP.
import { zipSync } from "fflate";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";
import { getBranding } from "@/lib/templates/branding";
import { exportDocument, fileNameFor } from "@/lib/templates/export";
import { fillMarkdown, initialValues } from "@/lib/templates/fill";
import { getLibrary } from "@/lib/templates/library";
import { getPartnerFacts } from "@/lib/templates/recommend";
import { BUNDLES } from "@/lib/templates/recommend-rules";
import { resolveSources } from "@/lib/templates/sources";
import { recordUsage } from "@/lib/templates/usage";

export const dynamic = "force-dynamic";

const query = z.object({ partner: z.uuid("partner must be a partner id"), format: z.enum(["docx", "pdf"]).default("docx") });

export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  if (!(STAFF_ROLES as readonly string[]).includes(user.role)) return problem(403, "Only the team generates bundles");
  const { key } = await params;
  const bundle = BUNDLES.find((b) => b.key === key);
  if (!bundle) return problem(404, "No such bundle");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return problem(400, "Invalid bundle request", { detail: parsed.error.issues.map((i) => i.message).join("; ") });
  const { partner, format } = parsed.data;
  const result = await withSession({ claims: user.claims }, async (tx) => {
    const now = new Date();
    const facts = await getPartnerFacts(tx, partner, now);
    if (!facts) return null;
    const { templates } = await getLibrary(tx);
    const bySlug = new Map(templates.map((t) => [t.slug, t]));
    const sources = await resolveSources(tx, { user, partnerId: partner, now });
    const branding = await getBranding(tx);
    const files: Record<string, Uint8Array> = {};
    for (const [i, slug] of bundle.slugs(facts, new Set(bySlug.keys())).entries()) {
      const template = bySlug.get(slug);
      if (!template) continue;
      const fm = template.frontmatter;
      const markdown = fillMarkdown(fm, template.body, initialValues(fm, sources), sources);
      const title = `${fm.title} — ${facts.name}`;
      const body = await exportDocument({ format, title, markdown, template, branding, includeGuidance: false });
      files[`${String(i + 1).padStart(2, "0")}-${fileNameFor(title, format)}`] = new Uint8Array(body);
      await recordUsage(tx, slug, "bundle", user.id);
    }
    return { zip: zipSync(files, { level: 6 }), name: `${bundle.key}-${facts.name}` };
  });
  if (!result) return problem(404, "Partner not found");
  return new Response(new Uint8Array(result.zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileNameFor(result.name, "docx").replace(/\.docx$/, ".zip")}"`,
      "Cache-Control": "no-store",
    },
  });
}
