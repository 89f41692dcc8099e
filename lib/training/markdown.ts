import { Marked, type Tokens } from "marked";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const LOCAL_IMAGE = /^\/training\/[a-z0-9-]+\.(svg|png|jpg|webp)$/;
const SAFE_LINK = /^(https:\/\/|\/(?!\/)|mailto:)/i;

const marked = new Marked({
  gfm: true,
  renderer: {
    // Raw HTML in a lesson is shown as the characters written, never as markup.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    image: ({ href, text }: Tokens.Image) =>
      LOCAL_IMAGE.test(href) ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}" loading="lazy">` : escapeHtml(text),
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      return SAFE_LINK.test(href) ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>` : label;
    },
  },
});

/** A lesson's Markdown as HTML: images only from this app's /training/ folder, links only https, local or mailto. */
export function lessonHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
