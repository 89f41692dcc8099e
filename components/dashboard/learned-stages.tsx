import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QuarterForecast } from "@/lib/forecast/inputs";
import { Widget } from "./widget";

/** Which win probabilities come from this workspace's history and which fall back to the stage default. */
export function LearnedStages({
  stages,
  closedSample,
}: {
  stages: QuarterForecast["stages"];
  closedSample: number;
}) {
  return (
    <Widget
      headingAs="h3"
      title="Win probability by stage"
      description={`Learned from ${closedSample} deals closed since the start of the last four full quarters; a stage needs 20 to be learned`}
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Stage</TableHead>
            <TableHead className="text-right">Default</TableHead>
            <TableHead className="text-right">Used</TableHead>
            <TableHead>Source</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {stages.map((s) => (
            <TableRow key={s.id}>
              <TableCell className="font-medium">{s.name}</TableCell>
              <TableCell className="text-right tabular-nums">{s.probability}%</TableCell>
              <TableCell className="text-right font-semibold tabular-nums">
                {s.learned.probability.toFixed(0)}%
              </TableCell>
              <TableCell>
                <Badge variant={s.learned.source === "learned" ? "success" : "secondary"}>
                  {s.learned.source === "learned" ? "Learned" : "Default"}
                </Badge>
                <span className="ml-2 text-xs text-muted-foreground tabular-nums">
                  {s.learned.sample} closed {s.learned.sample === 1 ? "deal" : "deals"}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Widget>
  );
}
