import { GitCompareArrows } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ComparePicker } from "@/components/partners/compare-picker";
import { CompareTable } from "@/components/partners/compare-table";
import { RankingTable } from "@/components/partners/ranking-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getWorkspaceCurrency, listCompared, listDirectory } from "@/lib/health/queries";
import { compareParamsSchema } from "@/lib/health/schemas";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Compare partners" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePartnersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser(STAFF_ROLES);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const { ids, rank } = compareParamsSchema.parse(raw);
  const now = new Date();
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const currency = await getWorkspaceCurrency(tx);
    return {
      currency,
      ranking: await listDirectory(tx, { sort: rank }, now, currency),
      compared: await listCompared(tx, ids, now, currency),
    };
  });
  const pickable = [...data.ranking].sort((a, b) => a.name.localeCompare(b.name));
  const rankHref = (by: "health" | "revenue") =>
    `/partners/compare?${new URLSearchParams({ ...(ids.length ? { ids: ids.join(",") } : {}), rank: by })}`;
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Compare partners"
        description="Up to four partners side by side, and every partner ranked by health or revenue."
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Side by side</h2>
          </CardTitle>
          <CardDescription>
            Pick two to four partners; the choice stays in the address so you can share it.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ComparePicker
            partners={pickable.map((p) => ({ id: p.id, name: p.name }))}
            selected={data.compared.map((p) => p.id)}
          />
          {data.compared.length < 2 ? (
            <EmptyState
              icon={GitCompareArrows}
              title="Choose at least two partners"
              description="Their health breakdown, pipeline and revenue appear here side by side."
            />
          ) : (
            <CompareTable partners={data.compared} currency={data.currency} />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>
            <h2>Ranking</h2>
          </CardTitle>
          <nav aria-label="Rank by" className="flex gap-1">
            {(["health", "revenue"] as const).map((by) => (
              <Link
                key={by}
                href={rankHref(by)}
                aria-current={rank === by ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1 text-sm font-medium",
                  rank === by
                    ? "bg-secondary text-foreground"
                    : "text-muted-foreground hover:text-foreground",
                )}
              >
                {by === "health" ? "By health" : "By revenue"}
              </Link>
            ))}
          </nav>
        </CardHeader>
        <CardContent className="p-0 sm:px-6">
          {data.ranking.length === 0 ? (
            <div className="p-6">
              <EmptyState icon={GitCompareArrows} title="No partners yet" />
            </div>
          ) : (
            <RankingTable partners={data.ranking} by={rank} currency={data.currency} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
