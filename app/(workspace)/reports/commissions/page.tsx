import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { OverrideQueue } from "@/components/commissions/override-queue";
import { CommissionTabs } from "@/components/commissions/statements/commission-tabs";
import { ForecastView } from "@/components/commissions/statements/forecast-view";
import { ReceiptsRestricted, ReceiptsView } from "@/components/commissions/statements/receipts-view";
import { ReportFilters } from "@/components/commissions/statements/report-filters";
import { StatementsView } from "@/components/commissions/statements/statements-view";
import { TabSkeleton } from "@/components/commissions/statements/tab-skeleton";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { listOverrides } from "@/lib/commission-records/override-queries";
import {
  parseCommissionParams,
  periodChoices,
  type CommissionParams,
} from "@/lib/commissions/statement-periods";
import {
  getCommissionForecast,
  getStatement,
  getReceiptsReport,
  listReceiptOptions,
  listStatementPartners,
} from "@/lib/commission-records/statements";
import type { AppRole } from "@/lib/domain/enums";
import { withSession } from "@/lib/db/session";

export const metadata: Metadata = { title: "Commission reports" };

const isoToday = () => new Date().toISOString().slice(0, 10);
const FINANCE_VIEW: readonly AppRole[] = ["vp", "finance"];

async function TabPanel({
  user,
  params,
  today,
}: {
  user: CurrentUser;
  params: CommissionParams;
  today: string;
}) {
  const session = { claims: user.claims };
  const canSeeMoneyIn = FINANCE_VIEW.includes(user.role);
  switch (params.tab) {
    case "statements": {
      const statement = await withSession(session, (tx) =>
        getStatement(tx, {
          period: params.period,
          partnerId: params.partner,
          direction: params.direction,
          receiptsVisible: canSeeMoneyIn,
        }),
      );
      return (
        <StatementsView
          statement={statement}
          direction={params.direction}
          partnerId={params.partner}
          canSeePayable={canSeeMoneyIn}
        />
      );
    }
    case "forecast": {
      const forecast = await withSession(session, (tx) =>
        getCommissionForecast(tx, { today, partnerId: params.partner, direction: params.direction }),
      );
      return (
        <ForecastView
          forecast={forecast}
          direction={params.direction}
          partnerId={params.partner}
          canSeePayable={canSeeMoneyIn}
        />
      );
    }
    case "receipts": {
      if (!canSeeMoneyIn) return <ReceiptsRestricted />;
      const isFinance = user.role === "finance";
      const data = await withSession(session, async (tx) => ({
        ...(await getReceiptsReport(tx, { period: params.period, partnerId: params.partner })),
        options: isFinance ? await listReceiptOptions(tx) : null,
      }));
      return (
        <ReceiptsView
          receipts={data.receipts}
          total={data.total}
          period={params.period}
          form={data.options ? { options: data.options, today, partnerId: params.partner } : null}
        />
      );
    }
    case "overrides": {
      const overrides = await withSession(session, (tx) => listOverrides(tx));
      return <OverrideQueue overrides={overrides} canDecide={user.role === "vp"} />;
    }
  }
}

export default async function CommissionReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(STAFF_ROLES);
  const today = isoToday();
  const params = parseCommissionParams(await searchParams, today);
  const partners = await withSession({ claims: user.claims }, (tx) => listStatementPartners(tx));
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Commission reports"
        description="Statements per partner and period, the commission forecast from the pipeline, payments received and rate overrides."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/reports/calculator">Commission calculator</Link>
          </Button>
        }
      />
      <CommissionTabs params={params} />
      <ReportFilters
        tab={params.tab}
        partners={partners}
        partnerId={params.partner}
        period={params.period}
        periods={periodChoices(today, params.period)}
        direction={params.direction}
      />
      <Suspense
        key={`${params.tab}|${params.partner ?? ""}|${params.period.key}|${params.direction ?? ""}`}
        fallback={<TabSkeleton label={`Loading ${params.tab}`} />}
      >
        <TabPanel user={user} params={params} today={today} />
      </Suspense>
    </div>
  );
}
