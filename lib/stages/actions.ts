"use server";

import { count, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { opportunities, stages, workspaceSettings } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";
import { createStageSchema, deleteStageSchema, pipelineSettingsSchema, reorderStagesSchema, updateStageSchema } from "./schemas";

function keyOf(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40);
  return /^[a-z]/.test(base) ? base : `stage_${base || "new"}`;
}

const refresh = () => {
  revalidatePath("/settings/pipeline");
  revalidatePath("/pipeline");
};

export const createStageAction = defineAction({
  roles: ["vp"],
  schema: createStageSchema,
  handler: async (input, { tx }) => {
    // New stages go before the closed ones, so "won" and "lost" stay last.
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(min(position) filter (where is_won or is_lost), max(position) + 1, 0)::int` }).from(stages)) as [{ next: number }];
    await tx.execute(sql`update public.stages set position = position + 1 where position >= ${next}`);
    const [created] = await tx
      .insert(stages)
      .values({ key: `${keyOf(input.name)}_${Date.now().toString(36).slice(-4)}`, name: input.name, probability: input.probability, color: input.color, requiredFields: input.requiredFields, position: next })
      .returning({ id: stages.id });
    refresh();
    return { id: created!.id };
  },
});

export const updateStageAction = defineAction({
  roles: ["vp"],
  schema: updateStageSchema,
  handler: async ({ id, ...input }, { tx }) => {
    const updated = await tx.update(stages).set(input).where(eq(stages.id, id)).returning({ id: stages.id });
    if (updated.length === 0) throw new ActionError(404, "That stage no longer exists");
    refresh();
    return null;
  },
});

export const reorderStagesAction = defineAction({
  roles: ["vp"],
  schema: reorderStagesSchema,
  handler: async ({ ids }, { tx }) => {
    const all = await tx.select({ id: stages.id }).from(stages);
    if (all.length !== ids.length || !all.every((s) => ids.includes(s.id))) throw new ActionError(409, "The stages changed meanwhile. Reload and try again.");
    for (const [position, id] of ids.entries()) await tx.update(stages).set({ position }).where(eq(stages.id, id));
    refresh();
    return null;
  },
});

export const deleteStageAction = defineAction({
  roles: ["vp"],
  schema: deleteStageSchema,
  handler: async ({ id }, { tx }) => {
    const [used] = await tx.select({ n: count() }).from(opportunities).where(eq(opportunities.stageId, id));
    if (Number(used?.n ?? 0) > 0) throw new ActionError(409, `Move the ${used!.n} opportunities out of this stage first`);
    const [row] = await tx.select({ isWon: stages.isWon, isLost: stages.isLost }).from(stages).where(eq(stages.id, id));
    if (!row) throw new ActionError(404, "That stage no longer exists");
    if (row.isWon || row.isLost) throw new ActionError(409, "The closed won and closed lost stages cannot be deleted");
    const [history] = await rows(tx, sql`select 1 from public.opportunity_stage_history where from_stage_id = ${id} or to_stage_id = ${id} limit 1`);
    if (history) throw new ActionError(409, "Deals have passed through this stage; rename it instead of deleting it, so their history stays readable");
    await tx.delete(stages).where(eq(stages.id, id));
    refresh();
    return null;
  },
});

export const updatePipelineSettingsAction = defineAction({
  roles: ["vp"],
  schema: pipelineSettingsSchema,
  handler: async ({ stalledAfterDays, highValueThreshold, winNotifyThreshold }, { tx }) => {
    const [settings] = await tx.select({ currency: workspaceSettings.currency }).from(workspaceSettings);
    const factor = 10 ** minorDigits(settings?.currency ?? "USD");
    await tx.update(workspaceSettings).set({ stalledAfterDays, highValueThresholdMinor: highValueThreshold * factor, winNotifyThresholdMinor: winNotifyThreshold * factor }).where(eq(workspaceSettings.id, true));
    refresh();
    return null;
  },
});
