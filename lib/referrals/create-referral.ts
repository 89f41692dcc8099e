import "server-only";
import { sql } from "drizzle-orm";
import type { Connection, Tx } from "@/lib/db/connection";
import { notifications, referrals } from "@/lib/db/schema";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import { rows, withSystem } from "@/lib/db/session";
import { hitLimit, type RateLimitRule } from "@/lib/auth/rate-limit";
import { decodeAttribution, DEFAULT_ATTRIBUTION_WINDOW_DAYS, isWithinWindow } from "./attribution";
import type { ReferralInput } from "./schemas";
import { isSelfReferral } from "./self-referral";

export const REFERRAL_SUBMISSIONS: RateLimitRule = { name: "referral-submit", limit: 10, windowSeconds: 600 };

export interface ReferralContext {
  source: "landing_form" | "api";
  ip: string;
  /** The raw attribution cookie, if the browser sent one. */
  cookie: string | null;
  code?: string;
  now?: Date;
}

export type ReferralOutcome =
  | {
      ok: true;
      referralId: string;
      partnerId: string;
      attributedBy: "cookie" | "code";
      selfReferral: boolean;
    }
  | { ok: true; referralId: null; partnerId: null; attributedBy: null; selfReferral: false }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; reason: "unattributed" };

interface LinkRow {
  id: string;
  partner_id: string;
}

async function linkByCode(tx: Tx, code: string, liveOnly: boolean): Promise<LinkRow | null> {
  const [row] = await rows<LinkRow>(
    tx,
    sql`select id, partner_id from public.referral_links where code = ${code} ${liveOnly ? sql`and archived_at is null` : sql``}`,
  );
  return row ?? null;
}

/** Cookie wins when it is genuine, inside the attribution window and names a known link; else a live link's code. */
export async function resolveAttribution(tx: Tx, cookie: string | null, code: string | undefined, now: Date) {
  const fromCookie = decodeAttribution(cookie);
  if (fromCookie) {
    const [settings] = await rows<{ days: number }>(
      tx,
      sql`select attribution_window_days as days from public.workspace_settings limit 1`,
    );
    if (isWithinWindow(fromCookie, Number(settings?.days ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS), now)) {
      const link = await linkByCode(tx, fromCookie.code, false);
      if (link) return { link, by: "cookie" as const };
    }
  }
  if (code) {
    const link = await linkByCode(tx, code, true);
    if (link) return { link, by: "code" as const };
  }
  return null;
}

async function selfReferralOf(tx: Tx, partnerId: string, email: string): Promise<boolean> {
  const [partner] = await rows<{ website: string | null; emails: string[] | null }>(
    tx,
    sql`select p.website, array(select pr.email from public.profiles pr where pr.partner_id = p.id) as emails
        from public.partners p where p.id = ${partnerId}`,
  );
  return partner
    ? isSelfReferral(email, { website: partner.website, colleagueEmails: partner.emails ?? [] })
    : false;
}

async function notifyPartnerUsers(tx: Tx, partnerId: string, input: ReferralInput) {
  const users = await rows<{ id: string }>(
    tx,
    sql`select id from public.profiles where partner_id = ${partnerId} and deactivated_at is null`,
  );
  if (users.length === 0) return;
  await tx
    .insert(notifications)
    .values(
      users.map((u) => ({
        userId: u.id,
        kind: "referral_received",
        title: `New referral: ${input.name} (${input.company})`,
        link: "/portal/links",
      })),
    );
}

async function notifyTeamOfInquiry(tx: Tx, input: ReferralInput) {
  const staff = await rows<{ id: string }>(
    tx,
    sql`select id from public.profiles where role in ('vp', 'partnership_manager') and deactivated_at is null`,
  );
  if (staff.length === 0) return;
  await tx
    .insert(notifications)
    .values(
      staff.map((u) => ({
        userId: u.id,
        kind: "inquiry_received",
        title: `New inquiry: ${input.name} (${input.company})`,
        body: `${input.email}${input.phone ? ` · ${input.phone}` : ""}${input.message ? `\n${input.message}` : ""}`,
      })),
    );
}

/**
 * Records a visitor's "talk to us" as a referral of the partner whose link brought them, flags a
 * self-referral and notifies the partner's users. Landing-form inquiries without a partner go to the team.
 */
export async function createReferral(
  conn: Connection,
  input: ReferralInput,
  ctx: ReferralContext,
): Promise<ReferralOutcome> {
  const now = ctx.now ?? new Date();
  return withSystem(
    "referrals.create",
    async (tx): Promise<ReferralOutcome> => {
      const limit = await hitLimit(tx, REFERRAL_SUBMISSIONS, ctx.ip, now);
      if (limit.limited)
        return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
      const attribution = await resolveAttribution(tx, ctx.cookie, ctx.code, now);
      if (!attribution) {
        if (ctx.source === "api") return { ok: false, reason: "unattributed" };
        await notifyTeamOfInquiry(tx, input);
        return { ok: true, referralId: null, partnerId: null, attributedBy: null, selfReferral: false };
      }
      const partnerId = attribution.link.partner_id;
      const selfReferral = await selfReferralOf(tx, partnerId, input.email);
      const [created] = await tx
        .insert(referrals)
        .values({
          partnerId,
          linkId: attribution.link.id,
          attributedBy: attribution.by,
          source: ctx.source,
          name: input.name,
          email: input.email,
          company: input.company,
          phone: input.phone ?? null,
          message: input.message ?? null,
          selfReferral,
        })
        .returning({ id: referrals.id });
      await notifyPartnerUsers(tx, partnerId, input);
      await evaluateAchievements(tx, [partnerId], now);
      return { ok: true, referralId: created!.id, partnerId, attributedBy: attribution.by, selfReferral };
    },
    conn,
  );
}
