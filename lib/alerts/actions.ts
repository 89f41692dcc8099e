"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";
import { getWorkspaceCurrency } from "./queries";
import { alertIdsSchema, alertPreferencesSchema, ruleSettingsSchema, snoozeSchema } from "./schemas";
import { snoozeUntil } from "./snooze";

const idArray = (ids: readonly string[]) => sql`string_to_array(${ids.join(",")}, ',')::uuid[]`;

/**
 * Every id must be one of the caller's own alerts (RLS lets the VP read others', never change them); one
 * foreign or unknown id refuses the whole batch. Returns how many are still actionable (open or snoozed).
 */
async function requireOwnAlerts(tx: Tx, userId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from public.alerts where id = any(${idArray(unique)}) and user_id = ${userId}`,
  );
  if (Number(row?.n ?? 0) !== unique.length) {
    throw new ActionError(
      404,
      "Some of these alerts are not yours or no longer exist. Nothing was changed.",
      { ids: ["Only your own alerts can be changed"] },
    );
  }
}

function done(count: number) {
  revalidatePath("/alerts");
  return { updated: count };
}

const CLOSED_AT = { acknowledged: sql.raw("acknowledged_at"), dismissed: sql.raw("dismissed_at") } as const;

/** Moves the person's open or snoozed alerts to a closed state; already closed ones stay as they are. */
async function closeAlerts(tx: Tx, userId: string, ids: string[], to: keyof typeof CLOSED_AT) {
  await requireOwnAlerts(tx, userId, ids);
  const updated = await rows<{ id: string }>(
    tx,
    sql`update public.alerts set status = ${to}, ${CLOSED_AT[to]} = now(), snoozed_until = null
        where id = any(${idArray(ids)}) and user_id = ${userId} and status in ('open', 'snoozed') returning id`,
  );
  return done(updated.length);
}

/** Acknowledge: seen and being handled. Already handled alerts stay as they are (a repeated click is harmless). */
export const acknowledgeAlertsAction = defineAction({
  roles: STAFF_ROLES,
  schema: alertIdsSchema,
  handler: ({ ids }, { tx, user }) => closeAlerts(tx, user.id, ids, "acknowledged"),
});

/** Dismiss: not relevant. The condition will not alert again. */
export const dismissAlertsAction = defineAction({
  roles: STAFF_ROLES,
  schema: alertIdsSchema,
  handler: ({ ids }, { tx, user }) => closeAlerts(tx, user.id, ids, "dismissed"),
});

/** Snooze: hidden from the open list until the chosen time, then back. */
export const snoozeAlertsAction = defineAction({
  roles: STAFF_ROLES,
  schema: snoozeSchema,
  handler: async ({ ids, until, customDate }, { tx, user }) => {
    const end = snoozeUntil(until, new Date(), customDate);
    if (!(end instanceof Date)) throw new ActionError(422, end.error, { customDate: [end.error] });
    await requireOwnAlerts(tx, user.id, ids);
    const updated = await rows<{ id: string }>(
      tx,
      sql`update public.alerts set status = 'snoozed', snoozed_until = ${end.toISOString()}::timestamptz
          where id = any(${idArray(ids)}) and user_id = ${user.id} and status in ('open', 'snoozed') returning id`,
    );
    return { ...done(updated.length), until: end.toISOString() };
  },
});

/** The VP tunes one rule: on/off, priority and thresholds (validated by the rule's own schema). */
export const updateAlertRuleAction = defineAction({
  roles: ["vp"],
  schema: ruleSettingsSchema,
  handler: async (input, { tx, user }) => {
    let thresholds: Record<string, unknown> = input.thresholds;
    if (input.key === "high_value_change") {
      const amountMinor = input.thresholds.amount * 10 ** minorDigits(await getWorkspaceCurrency(tx));
      thresholds = { amountMinor, withinDays: input.thresholds.withinDays };
    }
    const updated = await rows<{ key: string }>(
      tx,
      sql`update public.alert_rules set enabled = ${input.enabled}, priority = ${input.priority}, thresholds = ${JSON.stringify(thresholds)}::jsonb,
            updated_by = ${user.id}, updated_at = now()
          where key = ${input.key} returning key`,
    );
    if (updated.length === 0) throw new ActionError(404, "That rule does not exist");
    revalidatePath("/settings/alerts");
    return { key: input.key };
  },
});

/** Each person's own digest and frequency settings. */
export const updateAlertPreferencesAction = defineAction({
  roles: STAFF_ROLES,
  schema: alertPreferencesSchema,
  handler: async ({ digestEnabled, maxPerDay, mutedRules }, { tx, user }) => {
    const muted = sql`string_to_array(${mutedRules.join(",")}, ',')::text[]`;
    await tx.execute(
      sql`insert into public.alert_preferences (user_id, digest_enabled, max_per_day, muted_rules)
          values (${user.id}, ${digestEnabled}, ${maxPerDay}, coalesce(${muted}, '{}'))
          on conflict (user_id) do update set digest_enabled = excluded.digest_enabled, max_per_day = excluded.max_per_day,
            muted_rules = excluded.muted_rules, updated_at = now()`,
    );
    revalidatePath("/settings/alerts");
    return null;
  },
});
