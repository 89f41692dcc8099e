import { Badge } from "@/components/ui/badge";
import type { AppRole } from "@/lib/domain/enums";
import { KPI_FIELDS } from "@/lib/status/schemas";
import { Markdown } from "./markdown";
import { SeverityBadge, type BlockerView } from "./severity-badge";

/** A submitted or draft status as others read it: text, figures and blockers, no controls. */
export function StatusView({
  role,
  accomplishments,
  plans,
  kpis,
  blockers = [],
}: {
  role: AppRole;
  accomplishments: string;
  plans: string;
  kpis: Record<string, number | string>;
  blockers?: BlockerView[];
}) {
  const fields = role === "partner" ? [] : KPI_FIELDS[role];
  const figures = fields.filter((f) => kpis[f.key] !== undefined && kpis[f.key] !== "");
  return (
    <div className="grid gap-4">
      <section aria-label="Accomplishments" className="grid gap-1">
        <h4 className="text-sm font-medium">Accomplishments</h4>
        <Markdown text={accomplishments} />
      </section>
      <section aria-label="Next week's plan" className="grid gap-1">
        <h4 className="text-sm font-medium">Next week&apos;s plan</h4>
        <Markdown text={plans} />
      </section>
      {figures.length ? (
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {figures.map((f) => (
            <div key={f.key} className="rounded-md border px-3 py-2">
              <dt className="text-xs text-muted-foreground">{f.label}</dt>
              <dd className="text-sm font-medium break-words">{String(kpis[f.key])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {blockers.length ? (
        <section aria-label="Blockers" className="grid gap-2">
          <h4 className="text-sm font-medium">Blockers</h4>
          <ul className="grid gap-2">
            {blockers.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center gap-2 text-sm">
                <SeverityBadge severity={b.severity} />
                {b.escalated ? <Badge variant="warning">Escalated</Badge> : null}
                {b.resolvedAt ? <Badge variant="success">Resolved</Badge> : null}
                <span>{b.description}</span>
                {b.resolution ? <span className="text-muted-foreground">— {b.resolution}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
