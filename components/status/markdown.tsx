import { Fragment, type ReactNode } from "react";

/**
 * Light Markdown for status text (bullets, **bold**, *italic*, headings) rendered as React elements: the
 * VP reads everyone's text, so nothing is ever injected as HTML.
 */
function inline(text: string): ReactNode[] {
  const parts = text.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/g);
  return parts.map((part, i) => {
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (/^\*[^*]+\*$/.test(part)) return <em key={i}>{part.slice(1, -1)}</em>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

export function Markdown({ text, empty = "Nothing written." }: { text: string; empty?: string }) {
  const lines = text.split("\n");
  if (!text.trim()) return <p className="text-sm text-muted-foreground">{empty}</p>;
  const blocks: ReactNode[] = [];
  let items: ReactNode[] = [];
  const flush = () => {
    if (items.length)
      blocks.push(
        <ul key={`ul-${blocks.length}`} className="ml-5 list-disc space-y-1">
          {items}
        </ul>,
      );
    items = [];
  };
  lines.forEach((line, i) => {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      items.push(<li key={i}>{inline(bullet[1]!)}</li>);
      return;
    }
    flush();
    const heading = /^#{1,4}\s+(.*)$/.exec(line);
    if (heading)
      blocks.push(
        <p key={i} className="font-semibold">
          {inline(heading[1]!)}
        </p>,
      );
    else if (line.trim()) blocks.push(<p key={i}>{inline(line)}</p>);
  });
  flush();
  return <div className="grid gap-2 text-sm leading-relaxed break-words">{blocks}</div>;
}
