import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money";
import type { Agenda } from "@/lib/status/meeting";
import { formatWeek } from "@/lib/status/week";
import { DecisionForm } from "./decision-form";
import { ResolveBlockerForm } from "./resolve-blocker-form";
import { SeverityBadge } from "./severity-badge";

interface Teammate {
  id: string;
  name: string;
}

function Section({
  n,
  title,
  count,
  children,
}: {
  n: number;
  title: string;
  count: number;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={`agenda-${n}`}
      className="grid gap-3 break-inside-avoid rounded-lg border p-4 print:border-0 print:p-0"
    >
      <h2 id={`agenda-${n}`} className="text-lg font-semibold">
        {n}. {title} <span className="text-sm font-normal text-muted-foreground">({count})</span>
      </h2>
      {children}
    </section>
  );
}

function Followup({ teammates, context }: { teammates: Teammate[]; context: string }) {
  return (
    <details className="print:hidden">
      <summary className="cursor-pointer text-sm text-primary">Record a decision</summary>
      <div className="pt-2">
        <DecisionForm teammates={teammates} context={context} />
      </div>
    </details>
  );
}

/** The weekly meeting, in the order it is run: blockers, alerts, stalled deals, goal gaps, other decisions. */
export function MeetingAgenda({ agenda, teammates }: { agenda: Agenda; teammates: Teammate[] }) {
  const { blockers, alerts, stalled, goals } = agenda;
  return (
    <div id="meeting-agenda" className="grid gap-6">
      <Section n={1} title="Blockers" count={blockers.length}>
        {blockers.length === 0 ? <p className="text-sm text-muted-foreground">No open blockers.</p> : null}
        <ol className="grid gap-4" aria-label="Blockers on the agenda">
          {blockers.map((b) => (
            <li key={b.id} data-testid="agenda-blocker" className="grid gap-2">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <SeverityBadge severity={b.severity} />
                {b.escalated ? <Badge variant="warning">Escalated</Badge> : null}
                <span className="font-medium">{b.person}</span>
                <span className="text-muted-foreground">week of {formatWeek(b.weekStart)}</span>
              </div>
              <p className="text-sm whitespace-pre-wrap">{b.description}</p>
              <ResolveBlockerForm id={b.id} label={b.description.slice(0, 60)} />
              <Followup teammates={teammates} context={b.description} />
            </li>
          ))}
        </ol>
      </Section>
      <Section n={2} title="High-priority alerts" count={alerts.length}>
        {alerts.length === 0 ? (
          <p className="text-sm text-muted-foreground">No open high-priority alerts.</p>
        ) : null}
        <ol className="grid gap-3">
          {alerts.map((a) => (
            <li key={a.id} className="grid gap-1 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant={a.priority === "critical" ? "destructive" : "warning"}>{a.priority}</Badge>
                {a.link ? (
                  <Link href={a.link} className="font-medium underline-offset-4 hover:underline">
                    {a.title}
                  </Link>
                ) : (
                  <span className="font-medium">{a.title}</span>
                )}
                <span className="text-muted-foreground">{a.person}</span>
              </div>
              {a.recommendedAction ? (
                <p className="text-muted-foreground">Recommended: {a.recommendedAction}</p>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section
        n={3}
        title={`Stalled deals (no stage move in ${agenda.stalledAfterDays}+ days)`}
        count={stalled.length}
      >
        {stalled.length === 0 ? <p className="text-sm text-muted-foreground">No stalled deals.</p> : null}
        <ol className="grid gap-3">
          {stalled.map((d) => (
            <li key={d.id} className="grid gap-1 text-sm">
              <p>
                <span className="font-medium">{d.customer}</span> · {d.stage} ·{" "}
                {formatMoney(d.valueMinor, d.currency)} · {d.owner} ·{" "}
                <span className="text-warning">{d.days} days</span>
              </p>
              <Followup teammates={teammates} context={`${d.customer} (${d.stage})`} />
            </li>
          ))}
        </ol>
      </Section>
      <Section n={4} title={`Goal gaps, ${agenda.quarterLabel}`} count={goals.length}>
        {goals.length === 0 ? <p className="text-sm text-muted-foreground">Every goal is on pace.</p> : null}
        <ol className="grid gap-2">
          {goals.map((g) => (
            <li key={g.scope} className="text-sm">
              <span className="font-medium">{g.scope}</span>: won {formatMoney(g.wonMinor, g.currency)} of{" "}
              {formatMoney(g.targetMinor, g.currency)} — pace calls for{" "}
              {formatMoney(g.expectedMinor, g.currency)}, short by{" "}
              {formatMoney(g.expectedMinor - g.wonMinor, g.currency)}
            </li>
          ))}
        </ol>
      </Section>
      <Section n={5} title="Other decisions" count={0}>
        <DecisionForm teammates={teammates} />
      </Section>
    </div>
  );
}
