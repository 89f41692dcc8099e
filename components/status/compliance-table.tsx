import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TeamStatusRow } from "@/lib/status/queries";
import { complianceOf, type Compliance } from "@/lib/status/week";

const LABEL: Record<Compliance, string> = {
  submitted: "On time",
  late: "Late",
  missing: "Missing",
  pending: "Pending",
};
const VARIANT = {
  submitted: "success",
  late: "warning",
  missing: "destructive",
  pending: "outline",
} as const;

const short = (week: string) =>
  new Date(`${week}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/** Who submitted each week, who was late and who is missing. */
export function ComplianceTable({ rows, now }: { rows: TeamStatusRow[]; now: Date }) {
  const weeks = [...new Set(rows.map((r) => r.weekStart))];
  const people = [...new Map(rows.map((r) => [r.userId, r.person])).entries()];
  const cell = new Map(
    rows.map((r) => [
      `${r.userId}:${r.weekStart}`,
      complianceOf(r.weekStart, r.status?.submittedAt ?? null, now),
    ]),
  );
  const tally = (week: string) => {
    const list = people.map(([id]) => cell.get(`${id}:${week}`));
    const on = list.filter((c) => c === "submitted").length;
    return `${on + list.filter((c) => c === "late").length}/${list.length}`;
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>Submission compliance</CardTitle>
        <CardDescription>
          Due Fridays at 17:00 UTC. Submitted after the deadline counts as late.
        </CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        {people.length === 0 ? (
          <p className="text-sm text-muted-foreground">No one matches the filters.</p>
        ) : (
          <Table data-testid="compliance-table">
            <TableHeader>
              <TableRow>
                <TableHead>Person</TableHead>
                {weeks.map((w) => (
                  <TableHead key={w} className="text-center">
                    {short(w)}
                    <span className="block text-xs font-normal text-muted-foreground">{tally(w)} in</span>
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {people.map(([id, person]) => (
                <TableRow key={id}>
                  <TableCell className="font-medium">{person}</TableCell>
                  {weeks.map((w) => {
                    const c = cell.get(`${id}:${w}`) ?? "missing";
                    return (
                      <TableCell key={w} className="text-center">
                        <Badge variant={VARIANT[c]}>{LABEL[c]}</Badge>
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
