import "server-only";
import type { Tx } from "@/lib/db/connection";
import { formatMoney } from "@/lib/money";
import { listNotifications } from "@/lib/notifications/queries";
import { getPartnerOrgOrThrow } from "@/lib/partners/queries";
import { listPartnerReferrals, listPartnerRegistrations } from "@/lib/registrations/queries";
import { actionItemsFor } from "@/lib/tiers/action-items";
import { progressToNext } from "@/lib/tiers/evaluate";
import { getEntitlements } from "@/lib/tiers/features";
import { listTierCriteria } from "@/lib/tiers/metrics";
import { nextUnlocks } from "@/lib/tiers/unlocks";
import { nextToLearn } from "@/lib/training/progress";
import { listCatalogue, listPaths } from "@/lib/training/queries";
import { earningsByMonth, funnelOf, summarizeEarnings } from "./earnings";
import {
  getFunnelCounts,
  getPartnerTierKey,
  getReferredDealFacts,
  getXp,
  listAchievements,
  listPayableLines,
} from "./queries";

/** Everything the partner home shows, read in the partner's own RLS transaction. */
export async function getPartnerHome(tx: Tx, user: { id: string; partnerId: string }, today: string) {
  const partnerId = user.partnerId;
  const org = await getPartnerOrgOrThrow(tx, partnerId);
  const entitlements = await getEntitlements(tx);
  const learnNext = nextToLearn(await listCatalogue(tx), await listPaths(tx));
  const [tiers, tierRef, facts, counts, lines, registrations, referrals, achievements, xp, notes] = [
    await listTierCriteria(tx),
    await getPartnerTierKey(tx, partnerId),
    await getReferredDealFacts(tx, today),
    await getFunnelCounts(tx, partnerId),
    await listPayableLines(tx, partnerId),
    await listPartnerRegistrations(tx, partnerId, 10),
    await listPartnerReferrals(tx, partnerId, 10),
    await listAchievements(tx, partnerId),
    await getXp(tx, partnerId),
    await listNotifications(tx, user.id, 8),
  ];
  const currency = facts.metrics.currency;
  const money = (minor: number) => formatMoney(minor, currency);
  const progress = progressToNext(tiers, tierRef.tierId, facts.metrics, money);
  const unlocksNext = nextUnlocks(entitlements.features, entitlements.ladder, entitlements.rank);
  const dealNames = new Map(facts.deals.map((d) => [d.id, d.customer_name]));
  const earningLines = lines.map((l) => ({
    amountMinor: l.amountMinor,
    currency: l.currency,
    dueDate: l.dueDate,
    status: l.status,
  }));
  const wonCount = facts.deals.filter((d) => d.is_won).length;
  return {
    org,
    currency,
    entitlements,
    unlocksNext,
    learnNext,
    progress,
    actions: actionItemsFor(unlocksNext, progress, {
      ...counts,
      pendingRegistrations: registrations.filter((r) => r.status === "pending").length,
    }),
    totals: summarizeEarnings(earningLines, today),
    chart: earningsByMonth(earningLines, currency, today),
    funnel: funnelOf({
      clicks: counts.clicks,
      referrals: counts.referrals,
      deals: Math.max(counts.registrations, facts.deals.length),
      won: wonCount,
    }),
    lines: lines.slice(0, 8).map((l) => ({
      ...l,
      dealName: dealNames.get(l.opportunityId) ?? "Referred deal",
      trace: Array.isArray(l.trace) ? l.trace : [],
    })),
    deals: facts.deals.slice(0, 8),
    registrations,
    referrals,
    achievements,
    xp,
    notifications: notes.items,
    leaderboard: { board: facts.board, month: facts.month },
  };
}
