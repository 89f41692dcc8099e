import { renderHtml } from "@/lib/templates/render/html";

/**
 * Status text as Markdown through the document renderer the template library uses: every raw HTML in
 * the text is escaped, so what the VP reads can never inject markup.
 */
export function Markdown({ text, empty = "Nothing written." }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return <div className="doc-prose" dangerouslySetInnerHTML={{ __html: renderHtml(text, { includeGuidance: false }) }} />;
}
