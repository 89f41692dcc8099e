import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatWeek } from "@/lib/status/week";
import { ResolveBlockerForm } from "./resolve-blocker-form";
import { SeverityBadge, type BlockerView } from "./severity-badge";

/** Open blockers first (escalated, then by severity), then the recently resolved with their notes. */
export function TeamBlockers({ blockers, canResolve }: { blockers: BlockerView[]; canResolve: boolean }) {
  const open = blockers.filter((b) => !b.resolvedAt);
  const resolved = blockers.filter((b) => b.resolvedAt);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Blockers</CardTitle>
        <CardDescription>
          {open.length} open ({open.filter((b) => b.escalated).length} escalated) · {resolved.length} resolved
          in the last 4 weeks
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {blockers.length === 0 ? (
          <p className="text-sm text-muted-foreground">No blockers reported.</p>
        ) : null}
        <ul className="grid gap-3" aria-label="Team blockers">
          {[...open, ...resolved].map((b) => (
            <li key={b.id} data-testid="team-blocker" className="grid gap-2 rounded-md border p-3">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <SeverityBadge severity={b.severity} />
                {b.escalated ? <Badge variant="warning">Escalated</Badge> : null}
                {b.resolvedAt ? (
                  <Badge variant="success">
                    Resolved{" "}
                    {new Date(b.resolvedAt).toLocaleDateString("en-US", { month: "short", day: "numeric" })}
                  </Badge>
                ) : null}
                <span className="font-medium">{b.person}</span>
                <span className="text-muted-foreground">week of {formatWeek(b.weekStart)}</span>
              </div>
              <p className="text-sm whitespace-pre-wrap">{b.description}</p>
              {b.resolution ? (
                <p className="text-sm text-muted-foreground">Resolution: {b.resolution}</p>
              ) : null}
              {canResolve && !b.resolvedAt ? (
                <ResolveBlockerForm id={b.id} label={b.description.slice(0, 60)} />
              ) : null}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
