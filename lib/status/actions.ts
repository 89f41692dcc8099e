"use server";

import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { getWeekActivity, activityLines } from "./prefill";
import { getStatus } from "./queries";
import { assertCurrentWeek, savedOrConflict } from "./guards";
import { saveStatus } from "./save";
import { statusSchema, submitStatusSchema } from "./schemas";
import { isMonday } from "./week";

const weekInput = z.strictObject({
  weekStart: z.string().refine(isMonday, { error: "A week starts on a Monday" }),
});

/** The server's copy of the person's status, for a client that lost a revision race. */
export const getMyStatusAction = defineAction({
  roles: STAFF_ROLES,
  schema: weekInput,
  handler: async ({ weekStart }, { tx, user }) => getStatus(tx, user.id, weekStart),
});

/** Autosave: writes the draft when the client's base revision is current, else 409. */
export const saveStatusDraftAction = defineAction({
  roles: STAFF_ROLES,
  schema: statusSchema,
  handler: async (input, { tx, user }) => {
    const now = new Date();
    assertCurrentWeek(input.weekStart, now);
    const saved = savedOrConflict(await saveStatus(tx, user.id, input, { now }));
    return { revision: saved.revision, updatedAt: saved.updatedAt.toISOString(), status: saved.status };
  },
});

export const submitStatusAction = defineAction({
  roles: STAFF_ROLES,
  schema: submitStatusSchema,
  handler: async (input, { tx, user }) => {
    if (!input.accomplishments.trim()) {
      throw new ActionError(422, "Some fields need attention", {
        accomplishments: ["Write at least one accomplishment before submitting"],
      });
    }
    const now = new Date();
    assertCurrentWeek(input.weekStart, now);
    const saved = savedOrConflict(await saveStatus(tx, user.id, input, { now, submit: true }));
    return {
      revision: saved.revision,
      updatedAt: saved.updatedAt.toISOString(),
      status: saved.status,
      submittedAt: saved.submittedAt?.toISOString() ?? null,
    };
  },
});

/** This week's activity lines, so the form can append what happened since the draft was started. */
export const getWeekActivityAction = defineAction({
  roles: STAFF_ROLES,
  schema: weekInput,
  handler: async ({ weekStart }, { tx, user }) =>
    activityLines(await getWeekActivity(tx, user.id, user.role, weekStart)),
});
