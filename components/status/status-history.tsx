import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { StatusRow } from "@/lib/status/queries";
import { complianceOf, formatWeek } from "@/lib/status/week";

const LABEL = { submitted: "On time", late: "Late", missing: "Missing", pending: "Draft" } as const;
const VARIANT = {
  submitted: "success",
  late: "warning",
  missing: "destructive",
  pending: "outline",
} as const;

/** Past weeks, newest first; each opens read-only. */
export function StatusHistory({
  history,
  now,
  hrefBase = "/status",
}: {
  history: StatusRow[];
  now: Date;
  hrefBase?: string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>Your past weekly statuses, read-only.</CardDescription>
      </CardHeader>
      <CardContent>
        {history.length === 0 ? (
          <p className="text-sm text-muted-foreground">No past statuses yet.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Past weeks">
            {history.map((s) => {
              const c = complianceOf(s.weekStart, s.submittedAt, now);
              return (
                <li key={s.id}>
                  <Link
                    href={`${hrefBase}/${s.weekStart}`}
                    className="flex items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm hover:bg-accent"
                  >
                    <span>Week of {formatWeek(s.weekStart)}</span>
                    <Badge variant={VARIANT[c]}>{LABEL[c]}</Badge>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
