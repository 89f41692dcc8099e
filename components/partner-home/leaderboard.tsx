import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LeaderboardRow } from "@/lib/achievements/leaderboard";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

export function Leaderboard({
  rows,
  currency,
  partnerId,
}: {
  rows: readonly LeaderboardRow[];
  currency: string;
  partnerId: string;
}) {
  const mine = rows.find((r) => r.partnerId === partnerId);
  const top = rows.slice(0, 10);
  return (
    <div className="grid gap-2" data-testid="leaderboard">
      <p className="text-sm text-muted-foreground">
        {mine
          ? `You are #${mine.rank} of ${rows.length} this month.`
          : "No won referred deals for you this month yet: close one to get on the board."}
      </p>
      {top.length === 0 ? null : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">#</TableHead>
              <TableHead>Partner</TableHead>
              <TableHead className="text-right">Won revenue</TableHead>
              <TableHead className="text-right">Deals</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {top.map((r) => (
              <TableRow
                key={r.partnerId}
                className={cn(r.partnerId === partnerId && "bg-primary/5 font-medium")}
                aria-current={r.partnerId === partnerId || undefined}
              >
                <TableCell className="tabular-nums">{r.rank}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatMoney(r.revenueMinor, currency)}
                </TableCell>
                <TableCell className="text-right tabular-nums">{r.wonDeals}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
