import { and, eq, isNull, sql } from "drizzle-orm";
import { recalculateCommissions, toEngineVersion } from "@/lib/commission-records/persist";
import { addDays, addMonths, periodStart } from "@/lib/commissions/dates";
import { validateNewVersion } from "@/lib/commissions/validate";
import type { Tx } from "@/lib/db/connection";
import { agreements, agreementVersions, notifications, partners, tierHistory } from "@/lib/db/schema";
import { rows } from "@/lib/db/rows";
import { enqueueEmail } from "@/lib/email/outbox";
import { tierChangedContent } from "@/lib/email/templates";
import { serverEnv } from "@/lib/env";
import { pickTier, type TierCriteria, type TierMetrics } from "./evaluate";
import { listTierCriteria, trailingMetrics } from "./metrics";

export interface TierChange {
  partnerId: string;
  historyId: string;
  from: TierCriteria | null;
  to: TierCriteria;
  metrics: TierMetrics;
  direction: "up" | "down";
}

interface RateIssue {
  agreementId: string;
  errors: Record<string, string[]>;
}

interface EvaluateOptions {
  today: string;
  reason: string;
  /** Seeding: apply the change without notifications or emails. */
  quiet?: boolean;
}

/**
 * Re-evaluates the tiers of these partners and applies every change: tier history with the metrics,
 * partners.tier_id, a payable agreement version at the new rate from the day the terms give, notifications and emails.
 * Runs in the caller's transaction, which must be privileged (a system step or a system job).
 */
export async function reevaluateTiers(
  tx: Tx,
  partnerIds: readonly string[],
  options: EvaluateOptions,
): Promise<TierChange[]> {
  const ids = [...new Set(partnerIds)];
  if (ids.length === 0) return [];
  const tiers = await listTierCriteria(tx);
  if (tiers.length === 0) return [];
  const current = await rows<{ id: string; tier_id: string | null }>(
    tx,
    sql`select id, tier_id from public.partners where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
        and kind in ('program', 'isv_and_program') and (tier_id is not null or status = 'active')
        order by id for update`,
  );
  const metrics = await trailingMetrics(
    tx,
    current.map((p) => p.id),
    options.today,
  );
  const changes: TierChange[] = [];
  for (const partner of current) {
    const m = metrics.get(partner.id)!;
    const target = pickTier(tiers, m)!;
    if (target.id === partner.tier_id) continue;
    const from = tiers.find((t) => t.id === partner.tier_id) ?? null;
    const [history] = await tx
      .insert(tierHistory)
      .values({
        partnerId: partner.id,
        fromTierId: from?.id ?? null,
        toTierId: target.id,
        reason: options.reason,
        metrics: { ...m },
      })
      .returning({ id: tierHistory.id });
    await tx.update(partners).set({ tierId: target.id }).where(eq(partners.id, partner.id));
    const direction: TierChange["direction"] = !from || target.rank > from.rank ? "up" : "down";
    const change = { partnerId: partner.id, historyId: history!.id, from, to: target, metrics: m, direction };
    const issues = await applyTierRate(tx, partner.id, target.commissionRate, options.today, direction);
    if (issues.length > 0)
      await tx
        .update(tierHistory)
        .set({ metrics: { ...m, agreementIssues: issues } })
        .where(eq(tierHistory.id, history!.id));
    if (!options.quiet) await announce(tx, change, options.today);
    changes.push(change);
  }
  return changes;
}

/**
 * The day a tier's rate takes over, as the published commission terms have it: a higher tier applies to
 * deals that close after the promotion (from the next day, so the deal that earned it keeps the old rate);
 * a lower tier applies from the start of the next calendar month.
 */
export function tierRateEffectiveFrom(today: string, direction: "up" | "down"): string {
  return direction === "up" ? addDays(today, 1) : addMonths(periodStart(today, "month"), 1);
}

/**
 * Withdraws a tier version that never came into force, reopening the one before it. Only forecasts can
 * point at it (no deal closed under it yet); they move to the version before, and the recalculation that
 * follows gives them its rate. Returns false, changing nothing, when any other line points at it.
 */
async function withdrawPendingVersion(tx: Tx, pendingId: string, beforeId: string): Promise<boolean> {
  const [settled] = await rows<{ one: number }>(
    tx,
    sql`select 1 as one from public.commission_lines where agreement_version_id = ${pendingId} and status <> 'forecast'
        union all select 1 from public.commission_schedules where agreement_version_id = ${pendingId} limit 1`,
  );
  if (settled) return false;
  await tx.execute(sql`update public.commission_lines set agreement_version_id = ${beforeId} where agreement_version_id = ${pendingId}`);
  await tx.delete(agreementVersions).where(eq(agreementVersions.id, pendingId));
  await tx.update(agreementVersions).set({ effectiveTo: null }).where(eq(agreementVersions.id, beforeId));
  return true;
}

/**
 * The partner's active payable agreements get a version at the tier's rate from the day the terms give; the
 * version in force ends there and stays in the history. A tier version not yet in force (a second change
 * before it starts) is corrected in place, or withdrawn when the partner is back at the rate before it.
 * A version the team scheduled stays as they set it. Tier rates are set by the VP for the whole program,
 * so the per-model range does not apply. An agreement whose versions do not validate is left as it is and
 * reported, so a deal change never fails on an old agreement.
 */
async function applyTierRate(tx: Tx, partnerId: string, rate: string, today: string, direction: "up" | "down"): Promise<RateIssue[]> {
  const issues: RateIssue[] = [];
  const effective = tierRateEffectiveFrom(today, direction);
  const payable = await tx
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.partnerId, partnerId),
        eq(agreements.direction, "payable"),
        eq(agreements.status, "active"),
      ),
    );
  for (const agreement of payable) {
    const versions = await tx
      .select()
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreement.id));
    const open = versions.find((v) => v.effectiveTo === null);
    if (!open) continue;
    if (open.effectiveFrom > today) {
      // Not in force yet: a tier change's own version (no author) is corrected; the team's stays.
      if (open.createdBy !== null) continue;
      const before = versions.find((v) => v.effectiveTo === open.effectiveFrom && v.id !== open.id);
      if (before && Number(before.rate) === Number(rate) && (await withdrawPendingVersion(tx, open.id, before.id))) continue;
      if (before && before.effectiveFrom < effective) {
        await tx.update(agreementVersions).set({ effectiveTo: effective }).where(eq(agreementVersions.id, before.id));
        await tx.update(agreementVersions).set({ rate, effectiveFrom: effective }).where(eq(agreementVersions.id, open.id));
      } else await tx.update(agreementVersions).set({ rate }).where(eq(agreementVersions.id, open.id));
      continue;
    }
    if (Number(open.rate) === Number(rate)) continue;
    const engine = versions.map((v) => toEngineVersion(agreement, v));
    const nextVersion = Math.max(...versions.map((v) => v.version)) + 1;
    const draft = {
      ...toEngineVersion(agreement, open),
      id: `new-${nextVersion}`,
      version: nextVersion,
      rate,
      effectiveFrom: effective,
      effectiveTo: null,
    };
    const { rate: _rangeOnly, ...errors } = validateNewVersion(
      engine.map((v) => (v.id === open.id ? { ...v, effectiveTo: effective } : v)),
      draft,
    );
    if (Object.keys(errors).length > 0) {
      issues.push({ agreementId: agreement.id, errors });
      continue;
    }
    await tx
      .update(agreementVersions)
      .set({ effectiveTo: effective })
      .where(and(eq(agreementVersions.id, open.id), isNull(agreementVersions.effectiveTo)));
    await tx.insert(agreementVersions).values({
      agreementId: agreement.id,
      version: nextVersion,
      effectiveFrom: effective,
      rate,
      basis: open.basis,
      paymentModel: open.paymentModel,
      currency: open.currency,
      terms: open.terms,
    });
  }
  const affected = await rows<{ id: string }>(
    tx,
    sql`select o.id from public.opportunities o join public.stages s on s.id = o.stage_id
        where not s.is_lost and o.referring_partner_id = ${partnerId}`,
  );
  if (affected.length > 0)
    await recalculateCommissions(tx, { opportunityIds: affected.map((r) => r.id) }, { today });
  return issues;
}

const longDate = (iso: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

async function announce(tx: Tx, change: TierChange, today: string): Promise<void> {
  const users = await rows<{ id: string; email: string; display_name: string; wants_email: boolean }>(
    tx,
    sql`select id, email, display_name, coalesce((email_preferences ->> 'tier_changed')::boolean, true) as wants_email
        from public.profiles where partner_id = ${change.partnerId} and role = 'partner' and deactivated_at is null`,
  );
  if (users.length === 0) return;
  const up = change.direction === "up";
  const from = longDate(tierRateEffectiveFrom(today, change.direction));
  const title = up ? `You moved up to ${change.to.name}` : `Your tier is now ${change.to.name}`;
  const body = `${Number(change.to.commissionRate)}% commission on deals that close from ${from} (trailing 90 days: ${change.metrics.wonDeals} won deal${change.metrics.wonDeals === 1 ? "" : "s"}).`;
  await tx
    .insert(notifications)
    .values(users.map((u) => ({ userId: u.id, kind: "tier_changed", title, body, link: "/portal" })));
  const url = `${serverEnv().APP_URL}/portal`;
  for (const user of users.filter((u) => u.wants_email)) {
    const content = tierChangedContent(
      user.display_name.split(" ")[0] ?? user.display_name,
      { from: change.from?.name ?? null, to: change.to.name, up, rate: change.to.commissionRate, effectiveFrom: from },
      url,
    );
    await enqueueEmail(tx, {
      ...content,
      to: user.email,
      template: "tier_changed",
      idempotencyKey: `tier-changed:${change.historyId}:${user.id}`,
    });
  }
}
