// GET /api/templates/fills/:id/export?format=pdf|docx&version=N&guidance=1 — a filled document as a branded PDF or Word file.
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";
import { getBranding } from "@/lib/templates/branding";
import { EXPORT_TYPES, exportDocument, fileNameFor } from "@/lib/templates/export";
import { getFillOrNull } from "@/lib/templates/fill-queries";
import { getTemplateOrNull } from "@/lib/templates/library";
import { recordUsage } from "@/lib/templates/usage";

export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(["pdf", "docx"], "format must be pdf or docx"),
  version: z.coerce.number().int().positive("version must be a positive whole number").optional(),
  guidance: z.enum(["0", "1"]).optional(),
});

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  if (!(STAFF_ROLES as readonly string[]).includes(user.role)) return problem(403, "Only the team exports documents");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return problem(404, "Document not found");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return problem(400, "Invalid export request", { detail: parsed.error.issues.map((i) => i.message).join("; ") });
  const { format, version, guidance } = parsed.data;
  const result = await withSession({ claims: user.claims }, async (tx) => {
    const fill = await getFillOrNull(tx, id);
    if (!fill) return null;
    const chosen = fill.versions.find((v) => v.version === (version ?? fill.currentVersion));
    if (!chosen) return "no-version" as const;
    const template = await getTemplateOrNull(tx, fill.templateSlug);
    const body = await exportDocument({
      format,
      title: fill.title,
      subtitle: [fill.partnerName, `Version ${chosen.version}`].filter(Boolean).join(" · "),
      markdown: chosen.markdown,
      template,
      branding: await getBranding(tx),
      includeGuidance: guidance === "1",
    });
    await recordUsage(tx, fill.templateSlug, format === "pdf" ? "export_pdf" : "export_docx", user.id);
    return { body, title: fill.title };
  });
  if (result === null) return problem(404, "Document not found");
  if (result === "no-version") return problem(404, "That version of the document does not exist");
  return new Response(new Uint8Array(result.body), {
    headers: {
      "Content-Type": EXPORT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileNameFor(result.title, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}
