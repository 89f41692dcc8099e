import type { Metadata } from "next";
import Link from "next/link";
import { DOMAIN_LABELS } from "@/components/partners/labels";
import { GoalRow } from "@/components/settings/goal-row";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { currentQuarter } from "@/lib/domain/quarter";
import { withSession } from "@/lib/db/session";
import { listQuarterGoals } from "@/lib/goals/queries";
import { minorDigits } from "@/lib/money";
import { getPipelineOptions } from "@/lib/opportunities/queries";
import { DOMAINS } from "@/lib/opportunities/schemas";
import { getWorkspaceCurrency } from "@/lib/settings/workspace-queries";

export const metadata: Metadata = { title: "Goals" };

function parseQuarter(value: string | undefined, fallback: { year: number; quarter: number }) {
  const match = /^(\d{4})-Q([1-4])$/.exec(value ?? "");
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : fallback;
}

const label = (q: { year: number; quarter: number }) => `${q.year}-Q${q.quarter}`;
const shift = (q: { year: number; quarter: number }, by: number) => {
  const index = q.year * 4 + (q.quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
};

function loadGoals(claims: Parameters<typeof withSession>[0]["claims"], period: { year: number; quarter: number }) {
  return withSession({ claims }, async (tx) => {
    const goals = await listQuarterGoals(tx, period);
    return { currency: await getWorkspaceCurrency(tx), goals, owners: (await getPipelineOptions(tx)).owners };
  });
}

export default async function GoalsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser(["vp"]);
  const { q } = await searchParams;
  const today = currentQuarter();
  const period = parseQuarter(q, { year: today.year, quarter: today.quarter });
  const data = await loadGoals(user.claims, period);
  const factor = 10 ** minorDigits(data.currency);
  const target = (match: (g: (typeof data.goals)[number]) => boolean) => {
    const goal = data.goals.find(match);
    return goal ? Math.round(goal.targetMinor / factor) : null;
  };
  const common = { year: period.year, quarter: period.quarter, currency: data.currency };
  return (
    <div className="grid gap-6">
      <PageHeader title="Settings" description="Quarterly targets for the company, each domain and each person." />
      <SettingsNav current="/settings/goals" isVp />
      <div className="flex items-center gap-2">
        <Button asChild variant="outline" size="sm">
          <Link href={`/settings/goals?q=${label(shift(period, -1))}`}>Previous quarter</Link>
        </Button>
        <span className="px-2 text-sm font-semibold" aria-live="polite">
          Q{period.quarter} {period.year}
        </span>
        <Button asChild variant="outline" size="sm">
          <Link href={`/settings/goals?q=${label(shift(period, 1))}`}>Next quarter</Link>
        </Button>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Company and domains</h2>
            </CardTitle>
            <CardDescription>Amounts in {data.currency}, whole units.</CardDescription>
          </CardHeader>
          <CardContent className="divide-y">
            <GoalRow key={`company-${label(period)}`} label="Company target" target={target((g) => !g.domain && !g.ownerId)} {...common} />
            {DOMAINS.map((d) => (
              <GoalRow key={`${d}-${label(period)}`} label={DOMAIN_LABELS[d]} domain={d} target={target((g) => g.domain === d)} {...common} />
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>People</h2>
            </CardTitle>
            <CardDescription>Each person&apos;s bookings goal for the quarter.</CardDescription>
          </CardHeader>
          <CardContent className="divide-y">
            {data.owners.map((o) => (
              <GoalRow key={`${o.id}-${label(period)}`} label={`${o.name} · ${ROLE_LABELS[o.role]}`} ownerId={o.id} target={target((g) => g.ownerId === o.id)} {...common} />
            ))}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
