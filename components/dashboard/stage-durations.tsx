import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { StageDuration } from "@/lib/dashboard/conversion";
import { cn } from "@/lib/utils";
import { Meter, pipelineHref, Widget } from "./widget";

/** A stage this much slower than the mean stage median is flagged. */
const SLOW_FACTOR = 1.1;

const days = (v: number | null) => (v === null ? "–" : `${v.toFixed(1)} d`);

/** Time spent in each stage before the next move; the slowest stage by median is flagged. */
export function StageDurations({
  durations,
  windowLabel,
}: {
  durations: StageDuration[];
  windowLabel: string;
}) {
  const medians = durations.map((d) => d.medianDays ?? 0);
  const longest = Math.max(0, ...medians);
  const measured = durations.filter((d) => d.medianDays !== null);
  const typical = measured.length ? measured.reduce((sum, d) => sum + d.medianDays!, 0) / measured.length : 0;
  return (
    <Widget
      headingAs="h3"
      title="Time in stage"
      description={`From entering a stage to the next move, for stays that began in ${windowLabel}`}
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Stage</TableHead>
            <TableHead className="text-right">Stays</TableHead>
            <TableHead className="text-right">Average</TableHead>
            <TableHead className="text-right">Median</TableHead>
            <TableHead className="w-1/3">
              <span className="sr-only">Median compared</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {durations.map((d) => {
            const slowest = d.medianDays !== null && d.medianDays === longest && longest > 0;
            const slow = d.medianDays !== null && d.medianDays >= typical * SLOW_FACTOR;
            return (
              <TableRow key={d.id} className={cn(slow && "bg-warning/5")}>
                <TableCell className="font-medium">
                  <Link
                    href={pipelineHref({ stage: d.id })}
                    className="text-primary underline-offset-4 hover:underline"
                  >
                    {d.name}
                  </Link>
                  {slowest ? (
                    <Badge variant="warning" className="ml-2">
                      Slowest
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{d.samples}</TableCell>
                <TableCell className="text-right tabular-nums">{days(d.averageDays)}</TableCell>
                <TableCell className="text-right font-semibold tabular-nums">{days(d.medianDays)}</TableCell>
                <TableCell>
                  <Meter
                    value={longest > 0 ? (d.medianDays ?? 0) / longest : 0}
                    tone={slow ? "warning" : "primary"}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <p className="mt-3 text-xs text-muted-foreground">
        Stages shaded amber take at least 10% longer than the typical stage (the mean of the stage medians).
      </p>
    </Widget>
  );
}
