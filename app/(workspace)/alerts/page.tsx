import type { Metadata } from "next";
import Link from "next/link";
import { AlertFilters } from "@/components/alerts/alert-filters";
import { AlertList } from "@/components/alerts/alert-list";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { refreshAlertsOf } from "@/lib/alerts/jobs";
import { countAlertsByTab, listAlerts, ALERT_TABS, type AlertTab } from "@/lib/alerts/queries";
import {
  ALERT_CATEGORIES,
  ALERT_PRIORITIES,
  type AlertCategory,
  type AlertPriority,
} from "@/lib/alerts/types";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";

export const metadata: Metadata = { title: "Alerts" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | null =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : null;

export default async function AlertsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser(STAFF_ROLES);
  const params = await searchParams;
  const tab: AlertTab = pick(params.tab, ALERT_TABS) ?? "open";
  const priority = pick<AlertPriority>(params.priority, ALERT_PRIORITIES);
  const category = pick<AlertCategory>(params.category, ALERT_CATEGORIES);
  const everyone = user.role === "vp" && params.who === "team";
  const now = new Date();
  // What the list says must be true now: conditions that cleared resolve, figures are today's.
  await refreshAlertsOf(everyone ? null : user.id, now);
  const data = await withSession({ claims: user.claims }, async (tx) => ({
    alerts: await listAlerts(tx, user.id, { tab, priority, category, everyone }, now),
    counts: await countAlertsByTab(tx, user.id, everyone, now),
  }));
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Alerts"
        description="What needs attention now: stalled and closing deals, quiet partners, goals, late tasks and commissions waiting for approval."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/settings/alerts">Alert settings</Link>
          </Button>
        }
      />
      <AlertFilters
        tab={tab}
        counts={data.counts}
        priority={priority}
        category={category}
        everyone={everyone}
        canSeeEveryone={user.role === "vp"}
      />
      <AlertList
        key={`${tab}-${priority}-${category}-${everyone}`}
        alerts={data.alerts}
        tab={tab}
        userId={user.id}
        showRecipient={everyone}
        filtered={Boolean(priority || category)}
      />
    </div>
  );
}
