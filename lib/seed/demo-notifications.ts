import type * as schema from "../db/schema";
import { COMPANY, STAFF, STAGE_DEFS, TIER_DEFS, type StageKey } from "./demo-data";
import type { DemoOrg } from "./demo-org";
import type { Pipeline } from "./demo-pipeline";
import type { Rng } from "./random";
import { HOUR, daysBefore, quarterStart } from "./time";

type NotificationRow = typeof schema.notifications.$inferInsert;

const usd = (minor: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(
    minor / 100,
  );

/** What the VP and the demo partner find waiting in their bell when they first sign in. */
export function buildNotifications(
  rng: Rng,
  now: Date,
  org: DemoOrg,
  pipeline: Pipeline,
  stageIds: Record<StageKey, string>,
): NotificationRow[] {
  const rows: NotificationRow[] = [];
  const add = (userId: string, hoursAgo: number, n: Omit<NotificationRow, "userId" | "createdAt">) =>
    rows.push({ id: rng.uuid(), userId, createdAt: new Date(now.getTime() - hoursAgo * HOUR), ...n });
  const staffName = (id: string) => STAFF.find((s) => org.staffIds[s.key] === id)?.name ?? "a teammate";
  const stageName = (id: string) => STAGE_DEFS.find((s) => stageIds[s.key] === id)?.name ?? "next";
  const opps = pipeline.opportunities;
  const inStage = (key: StageKey) => opps.filter((o) => o.stageId === stageIds[key]);
  const isOpen = (o: (typeof opps)[number]) => o.probability! > 0 && o.probability! < 100;
  const vp = org.staffIds.vp;

  const bigProposal = inStage("proposal").sort((a, b) => b.valueMinor - a.valueMinor)[0];
  if (bigProposal) {
    add(vp, Math.max(1, (now.getTime() - bigProposal.stageEnteredAt.getTime()) / HOUR), {
      kind: "opportunity.high_value",
      title: "High-value deal moved to Proposal",
      body: `${bigProposal.customerName} (${usd(bigProposal.valueMinor)}) was moved to Proposal by ${staffName(bigProposal.ownerId)}.`,
      link: `/pipeline?opportunity=${bigProposal.id}`,
    });
  }
  const stalled = opps.filter((o) => isOpen(o) && o.stageEnteredAt < daysBefore(now, 21));
  const named = stalled.slice(0, 3).map((o) => o.customerName);
  add(vp, 9, {
    kind: "opportunity.stalled",
    title: `${stalled.length} opportunities have stalled`,
    body: `No stage change in 21+ days: ${named.join(", ")}${stalled.length > 3 ? " and more" : ""}.`,
    link: "/pipeline?stalled=1",
  });
  const wins = inStage("closed_won")
    .filter((o) => o.stageEnteredAt >= quarterStart(now))
    .sort((a, b) => b.stageEnteredAt.getTime() - a.stageEnteredAt.getTime());
  const latestWin = wins[0];
  if (latestWin) {
    const pct = Math.round((pipeline.wonThisQuarterMinor / COMPANY.quarterTargetMinor) * 100);
    add(vp, 26, {
      kind: "opportunity.won",
      title: `Deal won: ${latestWin.customerName}`,
      body: `${usd(latestWin.valueMinor)} closed by ${staffName(latestWin.ownerId)}. The quarter is at ${pct}% of the ${usd(COMPANY.quarterTargetMinor)} target.`,
      link: `/pipeline?opportunity=${latestWin.id}`,
    });
  }
  const newest = [...org.programs].sort((a, b) => b.joinedAt.getTime() - a.joinedAt.getTime())[0]!;
  add(vp, 50, {
    kind: "partner.joined",
    title: `${newest.name} joined the partner program`,
    body: "Onboarding is in progress.",
    link: `/partners/${newest.id}`,
  });
  add(vp, 30 * 24, {
    kind: "status.reminder",
    title: "Weekly status reports are in",
    body: `All ${STAFF.length} team members submitted their weekly status.`,
    link: "/status",
    readAt: daysBefore(now, 29),
  });

  const partnerUser = org.demoPartnerUserId;
  const tierKey = org.programs.find((p) => p.id === org.demoPartnerId)?.tierKey ?? "starter";
  const tier = TIER_DEFS.find((t) => t.key === tierKey)!;
  const next = TIER_DEFS.find((t) => t.rank === tier.rank + 1);
  const referred = opps.filter((o) => o.referringPartnerId === org.demoPartnerId);
  const myWin = referred.find((o) => wins.includes(o));
  if (myWin) {
    add(partnerUser, 20, {
      kind: "commission.forecast",
      title: `Your referral ${myWin.customerName} closed`,
      body: `A commission of ${usd(Math.round((myWin.valueMinor * tier.rate) / 100))} (${tier.rate}%) is forecast for your next ${tier.cadence} payout.`,
      link: "/portal/commissions",
    });
  }
  if (next) {
    const trailing = referred
      .filter(
        (o) =>
          o.stageId === stageIds.closed_won &&
          o.currency === "USD" &&
          o.stageEnteredAt >= daysBefore(now, 90),
      )
      .reduce((sum, o) => sum + o.valueMinor, 0);
    const gap = next.minRevenueMinor - trailing;
    add(partnerUser, 19, {
      kind: "tier.progress",
      title: `You're on your way to ${next.name}`,
      body:
        gap <= 0
          ? `You meet the ${next.name} revenue bar; keep closing deals before the next evaluation.`
          : `${usd(gap)} more in referred revenue over the trailing 90 days unlocks ${next.name} (${next.rate}%).`,
      link: "/portal/tier",
    });
  }
  const moving = referred.find((o) => isOpen(o) && o.probability! >= 50);
  if (moving) {
    add(partnerUser, 3, {
      kind: "referral.stage",
      title: `${moving.customerName} moved forward`,
      body: `Your referral is now at the ${stageName(moving.stageId)} stage.`,
      link: "/portal/referrals",
    });
  }
  add(partnerUser, 24 * 12, {
    kind: "payout.paid",
    // The demo pays without Stripe keys: its payout is simulated and says so.
    title: "Simulated payout recorded",
    body: "Your latest payout was recorded as simulated: no money moved.",
    link: "/portal/earnings",
    readAt: daysBefore(now, 11),
  });
  return rows;
}
