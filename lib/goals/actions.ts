"use server";

import { and, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { lossReasons, quarterlyGoals, workspaceSettings } from "@/lib/db/schema";
import { minorDigits } from "@/lib/money";
import { archiveLossReasonSchema, lossReasonSchema, setGoalSchema } from "./schemas";

/** Sets (or replaces) one goal: the company's, a domain's or a person's, for one quarter. */
export const setGoalAction = defineAction({
  roles: ["vp"],
  schema: setGoalSchema,
  handler: async ({ year, quarter, domain, ownerId, target }, { tx }) => {
    const [settings] = await tx.select({ currency: workspaceSettings.currency }).from(workspaceSettings);
    const currency = settings?.currency ?? "USD";
    const targetMinor = Number(target) * 10 ** minorDigits(currency);
    const scope = and(
      eq(quarterlyGoals.year, year),
      eq(quarterlyGoals.quarter, quarter),
      domain ? eq(quarterlyGoals.domain, domain) : isNull(quarterlyGoals.domain),
      ownerId ? eq(quarterlyGoals.ownerId, ownerId) : isNull(quarterlyGoals.ownerId),
    );
    const updated = await tx.update(quarterlyGoals).set({ targetMinor, currency }).where(scope).returning({ id: quarterlyGoals.id });
    if (updated.length === 0) await tx.insert(quarterlyGoals).values({ year, quarter, domain: domain ?? null, ownerId: ownerId ?? null, targetMinor, currency });
    revalidatePath("/settings/goals");
    revalidatePath("/dashboard");
    return null;
  },
});

export const addLossReasonAction = defineAction({
  roles: ["vp"],
  schema: lossReasonSchema,
  handler: async ({ label }, { tx }) => {
    const existing = await tx.select({ id: lossReasons.id, archivedAt: lossReasons.archivedAt }).from(lossReasons).where(sql`lower(${lossReasons.label}) = lower(${label})`);
    if (existing[0] && !existing[0].archivedAt) throw new ActionError(409, "That reason is already in the list", { label: ["That reason is already in the list"] });
    if (existing[0]) await tx.update(lossReasons).set({ archivedAt: null }).where(eq(lossReasons.id, existing[0].id));
    else {
      const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(position), 0)::int + 1` }).from(lossReasons)) as [{ next: number }];
      await tx.insert(lossReasons).values({ label, position: next });
    }
    revalidatePath("/settings/pipeline");
    return null;
  },
});

export const archiveLossReasonAction = defineAction({
  roles: ["vp"],
  schema: archiveLossReasonSchema,
  handler: async ({ id }, { tx }) => {
    await tx.update(lossReasons).set({ archivedAt: new Date() }).where(eq(lossReasons.id, id));
    revalidatePath("/settings/pipeline");
    return null;
  },
});
