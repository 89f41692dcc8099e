"use server";

import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { notifications } from "@/lib/db/schema";
import { listNotifications } from "./queries";

export const getNotificationsAction = defineAction({
  roles: ROLES,
  schema: z.strictObject({}),
  handler: async (_input, { tx, user }) => listNotifications(tx, user.id),
});

export const markNotificationsReadAction = defineAction({
  roles: ROLES,
  schema: z.strictObject({ ids: z.array(z.uuid()).max(100).optional() }),
  handler: async ({ ids }, { tx, user }) => {
    const scope = ids?.length ? inArray(notifications.id, ids) : undefined;
    await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt), scope));
    return listNotifications(tx, user.id);
  },
});
