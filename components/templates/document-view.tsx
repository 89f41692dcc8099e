/** A rendered document; the HTML comes from renderHtml, which escapes every raw HTML it meets. */
export function DocumentView({ html, label }: { html: string; label: string }) {
  return <article aria-label={label} className="doc-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
