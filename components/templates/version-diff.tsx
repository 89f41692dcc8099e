import { diffLines } from "diff";

/** Line changes between two versions of a filled document, marked with +/− (not colour alone). */
export function VersionDiff({ from, to, fromLabel, toLabel }: { from: string; to: string; fromLabel: string; toLabel: string }) {
  const parts = diffLines(from, to);
  const changed = parts.some((p) => p.added || p.removed);
  return (
    <figure className="grid gap-2" data-testid="version-diff">
      <figcaption className="text-sm text-muted-foreground">
        Changes from {fromLabel} to {toLabel}
        {changed ? "" : ": none"}
      </figcaption>
      <pre className="max-h-[32rem] overflow-auto rounded-md border bg-muted/30 p-3 text-xs leading-relaxed whitespace-pre-wrap">
        {parts.map((part, i) => {
          const lines = part.value.replace(/\n$/, "").split("\n");
          if (!part.added && !part.removed) {
            // Long unchanged stretches are shortened to their ends.
            const shown = lines.length > 6 ? [...lines.slice(0, 2), `… ${lines.length - 4} unchanged lines …`, ...lines.slice(-2)] : lines;
            return shown.map((line, j) => <div key={`${i}-${j}`} className="text-muted-foreground">{`  ${line}`}</div>);
          }
          return lines.map((line, j) => (
            <div key={`${i}-${j}`} className={part.added ? "bg-success/10 text-success" : "bg-destructive/10 text-destructive line-through decoration-destructive/40"}>
              <span aria-hidden="true">{part.added ? "+ " : "− "}</span>
              <span className="sr-only">{part.added ? "Added: " : "Removed: "}</span>
              {line}
            </div>
          ));
        })}
      </pre>
    </figure>
  );
}
