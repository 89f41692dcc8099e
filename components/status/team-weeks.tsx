import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { TeamStatusRow } from "@/lib/status/queries";
import { formatWeek } from "@/lib/status/week";
import type { BlockerView } from "./severity-badge";
import { StatusView } from "./status-view";

/** Week by week, everyone's status; each person's text opens in place. */
export function TeamWeeks({ rows, blockers }: { rows: TeamStatusRow[]; blockers: BlockerView[] }) {
  const weeks = [...new Set(rows.map((r) => r.weekStart))];
  const byStatus = new Map<string, BlockerView[]>();
  for (const b of blockers)
    byStatus.set(`${b.userId}:${b.weekStart}`, [...(byStatus.get(`${b.userId}:${b.weekStart}`) ?? []), b]);
  return (
    <div className="grid gap-4">
      {weeks.map((week) => {
        const list = rows.filter((r) => r.weekStart === week);
        const written = list.filter((r) => r.status && (r.status.accomplishments || r.status.plans));
        return (
          <Card key={week} data-testid="team-week" data-week={week}>
            <CardHeader>
              <CardTitle>Week of {formatWeek(week)}</CardTitle>
              <CardDescription>
                {list.filter((r) => r.status?.status === "submitted").length} of {list.length} submitted
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-2">
              {written.length === 0 ? (
                <p className="text-sm text-muted-foreground">Nothing written this week yet.</p>
              ) : null}
              {written.map((r) => (
                <details
                  key={r.userId}
                  className="group rounded-md border px-3 py-2"
                  data-testid="team-status"
                >
                  <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 text-sm">
                    <span className="font-medium">{r.person}</span>
                    <span className="text-muted-foreground">{ROLE_LABELS[r.role]}</span>
                    <Badge variant={r.status!.status === "submitted" ? "success" : "outline"}>
                      {r.status!.status === "submitted" ? "Submitted" : "Draft"}
                    </Badge>
                    {r.openBlockers ? (
                      <Badge variant="warning">
                        {r.openBlockers} open blocker{r.openBlockers === 1 ? "" : "s"}
                      </Badge>
                    ) : null}
                  </summary>
                  <div className="pt-3">
                    <StatusView
                      role={r.role}
                      accomplishments={r.status!.accomplishments}
                      plans={r.status!.plans}
                      kpis={r.status!.kpis}
                      blockers={byStatus.get(`${r.userId}:${week}`)}
                    />
                  </div>
                </details>
              ))}
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
