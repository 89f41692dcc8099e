"use server";

import { and, eq, isNull } from "drizzle-orm";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { statusBlockers } from "@/lib/db/schema";
import { notifyEscalation, notifyResolution } from "./notify";
import { assertCurrentWeek } from "./guards";
import { ensureStatus } from "./save";
import { blockerSchema, removeBlockerSchema, resolveBlockerSchema, updateBlockerSchema } from "./schemas";

const NOT_FOUND = "That blocker was not found, or it is not yours";

export const addBlockerAction = defineAction({
  roles: STAFF_ROLES,
  schema: blockerSchema,
  handler: async (input, { tx, user }) => {
    assertCurrentWeek(input.weekStart, new Date());
    const status = await ensureStatus(tx, user.id, input.weekStart);
    const [row] = await tx
      .insert(statusBlockers)
      .values({
        statusId: status.id,
        userId: user.id,
        description: input.description,
        severity: input.severity,
        escalated: input.escalated,
      })
      .returning({ id: statusBlockers.id });
    if (input.escalated) await notifyEscalation(tx, row!.id);
    return { id: row!.id };
  },
});

/** The owner edits, re-grades or escalates an open blocker; escalating notifies the VP once. */
export const updateBlockerAction = defineAction({
  roles: STAFF_ROLES,
  schema: updateBlockerSchema,
  handler: async ({ id, ...changes }, { tx, user }) => {
    const [before] = await tx
      .select({
        escalated: statusBlockers.escalated,
        description: statusBlockers.description,
        severity: statusBlockers.severity,
      })
      .from(statusBlockers)
      .where(
        and(eq(statusBlockers.id, id), eq(statusBlockers.userId, user.id), isNull(statusBlockers.resolvedAt)),
      );
    if (!before) throw new ActionError(404, NOT_FOUND);
    const [after] = await tx.update(statusBlockers).set(changes).where(eq(statusBlockers.id, id)).returning({
      escalated: statusBlockers.escalated,
      description: statusBlockers.description,
      severity: statusBlockers.severity,
    });
    if (!after) throw new ActionError(404, NOT_FOUND);
    if (after.escalated && !before.escalated)
      await notifyEscalation(tx, id);
    return { id };
  },
});

export const removeBlockerAction = defineAction({
  roles: STAFF_ROLES,
  schema: removeBlockerSchema,
  handler: async ({ id }, { tx, user }) => {
    const removed = await tx
      .delete(statusBlockers)
      .where(and(eq(statusBlockers.id, id), eq(statusBlockers.userId, user.id)))
      .returning({ id: statusBlockers.id });
    if (removed.length === 0) throw new ActionError(404, NOT_FOUND);
    return { id };
  },
});

/** The VP closes a blocker with a note; the owner is told how it was resolved. */
export const resolveBlockerAction = defineAction({
  roles: ["vp"],
  schema: resolveBlockerSchema,
  handler: async ({ id, resolution }, { tx, user }) => {
    const [row] = await tx
      .update(statusBlockers)
      .set({ resolvedAt: new Date(), resolvedBy: user.id, resolution })
      .where(and(eq(statusBlockers.id, id), isNull(statusBlockers.resolvedAt)))
      .returning({ userId: statusBlockers.userId, description: statusBlockers.description });
    if (!row) throw new ActionError(404, "That blocker was not found or is already resolved");
    if (row.userId !== user.id) await notifyResolution(tx, id);
    return { id };
  },
});
