import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { WorkloadRow } from "@/lib/status/queries";

const rate = (w: WorkloadRow) =>
  w.weekTasks === 0 ? "—" : `${Math.round((w.completed / w.weekTasks) * 100)}%`;

/** This week's task completion and the open workload per person. */
export function WorkloadTable({ rows }: { rows: WorkloadRow[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Tasks and workload</CardTitle>
        <CardDescription>
          Completion is this week&apos;s tasks done; open work counts every unfinished task.
        </CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">No one matches the filters.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Person</TableHead>
                <TableHead className="text-right">This week</TableHead>
                <TableHead className="text-right">Completed</TableHead>
                <TableHead className="text-right">Completion</TableHead>
                <TableHead className="text-right">Open</TableHead>
                <TableHead className="text-right">Overdue</TableHead>
                <TableHead className="text-right">Rolled over</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((w) => (
                <TableRow key={w.userId}>
                  <TableCell>
                    <span className="font-medium">{w.person}</span>
                    <span className="block text-xs text-muted-foreground">{ROLE_LABELS[w.role]}</span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{w.weekTasks}</TableCell>
                  <TableCell className="text-right tabular-nums">{w.completed}</TableCell>
                  <TableCell className="text-right tabular-nums">{rate(w)}</TableCell>
                  <TableCell className="text-right tabular-nums">{w.open}</TableCell>
                  <TableCell className={`text-right tabular-nums ${w.overdue ? "text-destructive" : ""}`}>
                    {w.overdue}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{w.rolledOver}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
