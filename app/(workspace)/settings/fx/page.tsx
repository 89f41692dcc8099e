import type { Metadata } from "next";
import { DeleteFxRate, FxRateForm } from "@/components/settings/fx-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listRecentFxRates } from "@/lib/fx/queries";

export const metadata: Metadata = { title: "FX rates" };

const isoToday = () => new Date().toISOString().slice(0, 10);

export default async function FxRatesPage() {
  const user = await requireUser(["vp", "finance"]);
  const rates = await withSession({ claims: user.claims }, (tx) => listRecentFxRates(tx));
  return (
    <div className="grid gap-6">
      <PageHeader title="Settings" description="Dated exchange rates: a deal converts with the latest rate on or before its close date." />
      <SettingsNav current="/settings/fx" isVp={user.role === "vp"} isFinance={user.role === "finance"} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Add or correct a rate</h2>
          </CardTitle>
          <CardDescription>Units of the second currency for one unit of the first.</CardDescription>
        </CardHeader>
        <CardContent>
          <FxRateForm today={isoToday()} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Rates</h2>
          </CardTitle>
          <CardDescription>The 200 most recent.</CardDescription>
        </CardHeader>
        <CardContent>
          {rates.length === 0 ? (
            <p className="text-sm text-muted-foreground">No rates yet: deals in other currencies show a commission issue until one exists.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Date</TableHead>
                  <TableHead>Pair</TableHead>
                  <TableHead className="text-right">Rate</TableHead>
                  <TableHead className="w-12">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rates.map((r) => (
                  <TableRow key={`${r.rateDate}-${r.base}-${r.quote}`}>
                    <TableCell className="tabular-nums">{r.rateDate}</TableCell>
                    <TableCell>
                      {r.base} → {r.quote}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{Number(r.rate)}</TableCell>
                    <TableCell>
                      <DeleteFxRate rateDate={r.rateDate} base={r.base} quote={r.quote} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
