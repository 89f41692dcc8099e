import "server-only";
import type { LibraryTemplate } from "./library";
import type { Branding } from "./render/document";
import { renderDocx } from "./render/docx";
import { renderPdf } from "./render/pdf";

export type ExportFormat = "pdf" | "docx";

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function fileNameFor(title: string, format: ExportFormat): string {
  const base = title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").slice(0, 80) || "document";
  return `${base}.${format}`;
}

/** One filled document as PDF or Word, branded with the company profile. */
export async function exportDocument(input: {
  format: ExportFormat;
  title: string;
  subtitle?: string;
  markdown: string;
  template: Pick<LibraryTemplate, "frontmatter"> | null;
  branding: Branding;
  includeGuidance: boolean;
}): Promise<Buffer> {
  const doc = {
    title: input.title,
    subtitle: input.subtitle,
    markdown: input.markdown,
    includeGuidance: input.includeGuidance,
    legalNotice: input.template?.frontmatter.legal_notice ?? false,
    branding: input.branding,
    generatedOn: new Date().toISOString().slice(0, 10),
  };
  return input.format === "pdf" ? renderPdf(doc) : renderDocx(doc);
}
