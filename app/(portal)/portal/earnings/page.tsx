import type { Metadata } from "next";
import Link from "next/link";
import { EarningsSummary } from "@/components/partner-home/earnings-summary";
import { PayableLines } from "@/components/partner-home/payable-lines";
import { PartnerPayouts } from "@/components/payouts/partner-payouts";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { BUCKET_DESCRIPTIONS, BUCKET_LABELS, bucketOf, summarizeEarnings, type EarningsBucket } from "@/lib/partner-home/earnings";
import { getReferredDealFacts, listPayableLines } from "@/lib/partner-home/queries";
import { listPartnerPayouts } from "@/lib/payouts/queries";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Earnings" };

const FILTERS: { value: EarningsBucket | "all"; label: string }[] = [
  { value: "all", label: "All" },
  ...(["forecast", "pending", "approved", "paid"] as const).map((value) => ({ value, label: BUCKET_LABELS[value] })),
];

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; currency?: string }>;
}) {
  const user = await requireUser(["partner"]);
  const params = await searchParams;
  const status = FILTERS.some((f) => f.value === params.status)
    ? (params.status as EarningsBucket | "all")
    : "all";
  const today = new Date().toISOString().slice(0, 10);
  const { lines, facts } = await withSession({ claims: user.claims }, async (tx) => ({
    lines: await listPayableLines(tx, user.partnerId!, 2000),
    facts: await getReferredDealFacts(tx, today),
  }));
  const payouts = await withSession({ claims: user.claims }, (tx) => listPartnerPayouts(tx, user.partnerId!));
  const currencies = [...new Set(lines.map((l) => l.currency))].sort();
  const currency = params.currency && currencies.includes(params.currency) ? params.currency : null;
  const names = new Map(facts.deals.map((d) => [d.id, d.customer_name]));
  const shown = lines
    .filter(
      (l) => (status === "all" || bucketOf(l.status) === status) && (!currency || l.currency === currency),
    )
    .map((l) => ({
      ...l,
      dealName: names.get(l.opportunityId) ?? "Referred deal",
      trace: Array.isArray(l.trace) ? l.trace : [],
    }));
  const href = (next: { status?: string; currency?: string | null }) => {
    const q = new URLSearchParams();
    const s = next.status ?? status;
    const c = next.currency === undefined ? currency : next.currency;
    if (s !== "all") q.set("status", s);
    if (c) q.set("currency", c);
    return `/portal/earnings${q.size ? `?${q}` : ""}`;
  };
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["opportunities", "partners", "payouts"]} />
      <PageHeader
        title="Earnings"
        description="Every commission line we owe you, with the rules that explain it."
        actions={
          <Button asChild variant="outline" size="sm">
            <a href={`/api/portal/earnings${status === "all" ? "" : `?status=${status}`}`} download>
              Download CSV
            </a>
          </Button>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Totals</h2>
          </CardTitle>
          <CardDescription>
            By due date. {(["forecast", "pending", "approved", "paid"] as const).map((b) => `${BUCKET_LABELS[b]}: ${BUCKET_DESCRIPTIONS[b]}.`).join(" ")}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <EarningsSummary totals={summarizeEarnings(lines, today)} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Commission lines</h2>
          </CardTitle>
          <nav aria-label="Filter lines" className="flex flex-wrap gap-1 text-sm">
            {FILTERS.map((f) => (
              <Link
                key={f.value}
                href={href({ status: f.value })}
                aria-current={f.value === status ? "page" : undefined}
                className={cn("rounded-md border px-2 py-1", f.value === status && "bg-muted font-medium")}
              >
                {f.label}
              </Link>
            ))}
            {currencies.length > 1
              ? [null, ...currencies].map((c) => (
                  <Link
                    key={c ?? "any"}
                    href={href({ currency: c })}
                    aria-current={c === currency ? "page" : undefined}
                    className={cn("rounded-md border px-2 py-1", c === currency && "bg-muted font-medium")}
                  >
                    {c ?? "Any currency"}
                  </Link>
                ))
              : null}
          </nav>
        </CardHeader>
        <CardContent>
          <PayableLines lines={shown} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Payouts</h2>
          </CardTitle>
          <CardDescription>
            Each payout settles your approved lines, clawbacks netted in. &ldquo;Simulated&rdquo; means no money moved
            (a test setup); &ldquo;paid externally&rdquo; means we paid you outside Stripe.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PartnerPayouts payouts={payouts} />
        </CardContent>
      </Card>
    </div>
  );
}
