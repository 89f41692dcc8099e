"use server";

import { and, eq, inArray, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { opportunities, savedViews, workspaceSettings } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";
import { moveOpportunitySchema } from "./move-schema";
import { filtersOf, pipelineParamsSchema } from "./params";
import { listBoardCards } from "./queries";
import { recalculateAfterChange } from "@/lib/opportunities/after-change";
import { createStageTasks } from "@/lib/tasks/stage-templates";
import { columnsOf } from "./columns";
import { insertOpportunity, insertOpportunityRows } from "./create";
import { createOpportunitySchema, toMinor, updateOpportunitySchema } from "./schemas";

const EDITORS = ["vp", "sales_manager", "partnership_manager"] as const;

export const createOpportunityAction = defineAction({
  roles: EDITORS,
  schema: createOpportunitySchema,
  handler: async (input, { tx, user }) => {
    const created = await insertOpportunity(tx, input, user);
    revalidatePath("/pipeline");
    return created;
  },
});

export const updateOpportunityAction = defineAction({
  roles: EDITORS,
  schema: updateOpportunitySchema,
  handler: async (input, { tx }) => {
    const updated = await tx.update(opportunities).set(columnsOf(input)).where(eq(opportunities.id, input.id)).returning({ id: opportunities.id });
    if (updated.length === 0) throw new ActionError(403, "You can only edit your own opportunities");
    await recalculateAfterChange(tx, [input.id]);
    revalidatePath("/pipeline");
    return { id: input.id };
  },
});

/**
 * The current cards of the given deals under the board's filters (the page's search params): a live update
 * refetches only what changed. A deal missing from the answer has left the board (closed in an earlier
 * quarter, filtered out, deleted) or is not the viewer's to read.
 */
export const getBoardCardsAction = defineAction({
  roles: STAFF_ROLES,
  schema: z.object({
    ids: z.array(z.uuid()).min(1).max(100),
    search: z.record(z.string().max(40), z.string().max(200)).refine((r) => Object.keys(r).length <= 30, "Too many parameters").default({}),
  }),
  handler: async ({ ids, search }, { tx }) => {
    const [settings] = await tx.select({ currency: workspaceSettings.currency }).from(workspaceSettings);
    const filters = filtersOf(pipelineParamsSchema.parse(search), 10 ** minorDigits(settings?.currency ?? "USD"));
    return { cards: await listBoardCards(tx, filters, new Date(), ids) };
  },
});

/** One SQL function moves the card: rules, position and history in one transaction. */
export const moveOpportunityAction = defineAction({
  roles: EDITORS,
  schema: moveOpportunitySchema,
  handler: async (input, { tx, user }) => {
    const [current] = await tx.select({ currency: opportunities.currency, stageId: opportunities.stageId }).from(opportunities).where(eq(opportunities.id, input.id));
    if (!current) throw new ActionError(404, "This opportunity no longer exists");
    let finalValueMinor: number | null = null;
    if (input.finalValue) {
      try {
        finalValueMinor = toMinor(input.finalValue, current.currency);
      } catch (error) {
        throw new ActionError(422, "Check the final value", { finalValue: [error instanceof Error ? error.message : "Invalid value"] });
      }
    }
    const filled = {
      ...(input.technicalContactName ? { technicalContactName: input.technicalContactName, technicalContactEmail: input.technicalContactEmail ?? null } : {}),
      ...(input.contactName ? { contactName: input.contactName, contactEmail: input.contactEmail ?? null } : {}),
      ...(input.expectedCloseDate ? { expectedCloseDate: input.expectedCloseDate } : {}),
    };
    // Fields the target stage requires, given in the move dialog, are saved in the move's transaction.
    if (Object.keys(filled).length > 0) await tx.update(opportunities).set(filled).where(eq(opportunities.id, input.id));
    const [moved] = await rows<{ id: string; stage_id: string; position: string }>(
      tx,
      sql`select * from public.move_opportunity(${input.id}, ${input.toStageId}, ${input.beforeId ?? null}, ${input.afterId ?? null},
        ${input.justification ?? null}, ${finalValueMinor}, ${input.closeDate ?? null}, ${input.lossReason ?? null})`,
    );
    if (moved!.stage_id !== current.stageId) await recalculateAfterChange(tx, [input.id]);
    if (moved!.stage_id !== current.stageId) await createStageTasks(tx, input.id, moved!.stage_id, user.id);
    return { id: moved!.id, stageId: moved!.stage_id, position: String(moved!.position) };
  },
});

const bulkSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1, { error: "Select at least one opportunity" }).max(200, { error: "Select at most 200 at a time" }),
  toStageId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  justification: z.string().trim().max(1000).optional(),
});

/** Bulk stage change or reassignment: all or nothing, each move through the same rules as a drag. */
export const bulkUpdateOpportunitiesAction = defineAction({
  roles: EDITORS,
  schema: bulkSchema,
  handler: async ({ ids, toStageId, ownerId, justification }, { tx, user }) => {
    if (!toStageId && !ownerId) throw new ActionError(422, "Choose a stage or an owner");
    if (ownerId) {
      if (user.role !== "vp") throw new ActionError(403, "Only the VP can reassign opportunities");
      const updated = await tx.update(opportunities).set({ ownerId }).where(inArray(opportunities.id, ids)).returning({ id: opportunities.id });
      if (updated.length !== ids.length) throw new ActionError(404, "Some opportunities no longer exist. Nothing was changed.");
    }
    if (toStageId) {
      for (const id of ids) {
        await tx.execute(sql`select 1 from public.move_opportunity(${id}, ${toStageId}, null, null, ${justification ?? null}, null, null, null)`);
      }
      await recalculateAfterChange(tx, ids);
    }
    revalidatePath("/pipeline");
    return { count: ids.length };
  },
});

export const cloneOpportunityAction = defineAction({
  roles: EDITORS,
  schema: z.strictObject({ id: z.uuid() }),
  handler: async ({ id }, { tx, user }) => {
    const [source] = await tx.select().from(opportunities).where(eq(opportunities.id, id));
    if (!source) throw new ActionError(404, "This opportunity no longer exists");
    const [firstStage] = await rows<{ id: string }>(tx, sql`select id from public.stages where not is_won and not is_lost order by position limit 1`);
    const [{ next }] = (await rows<{ next: string }>(tx, sql`select coalesce(max(position), 0) + 1024 as next from public.opportunities where stage_id = ${firstStage!.id}`)) as [{ next: string }];
    const [copy] = await insertOpportunityRows(tx, [
      {
        customerName: source.customerName,
        title: source.title ? `${source.title} (copy)` : "Copy",
        contactName: source.contactName,
        contactEmail: source.contactEmail,
        technicalContactName: source.technicalContactName,
        technicalContactEmail: source.technicalContactEmail,
        valueMinor: source.valueMinor,
        currency: source.currency,
        isvPartnerId: source.isvPartnerId,
        referringPartnerId: source.referringPartnerId,
        domain: source.domain,
        expectedCloseDate: source.expectedCloseDate,
        notes: source.notes,
        ownerId: user.role === "vp" ? source.ownerId : user.id,
        stageId: firstStage!.id,
        position: String(next),
        createdBy: user.id,
      },
    ]);
    await recalculateAfterChange(tx, [copy!.id]);
    revalidatePath("/pipeline");
    return { id: copy!.id };
  },
});

export const saveViewAction = defineAction({
  roles: STAFF_ROLES,
  schema: z.strictObject({
    name: z.string().trim().min(1, { error: "Name the view" }).max(60, { error: "Keep the name under 60 characters" }),
    scope: z.enum(["opportunities", "board"]),
    query: z.string().max(2000),
  }),
  handler: async ({ name, scope, query }, { tx, user }) => {
    const [view] = await tx
      .insert(savedViews)
      .values({ ownerId: user.id, name, scope, query })
      .onConflictDoUpdate({ target: [savedViews.ownerId, savedViews.scope, savedViews.name], set: { query } })
      .returning({ id: savedViews.id });
    revalidatePath("/pipeline");
    return { id: view!.id };
  },
});

export const deleteViewAction = defineAction({
  roles: STAFF_ROLES,
  schema: z.strictObject({ id: z.uuid() }),
  handler: async ({ id }, { tx, user }) => {
    await tx.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.ownerId, user.id)));
    revalidatePath("/pipeline");
    return null;
  },
});
