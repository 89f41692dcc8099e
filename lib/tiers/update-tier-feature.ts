"use server";

import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { tierFeatures } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { tierFeatureSchema } from "./schemas";

/** The VP renames a feature or moves it to another tier; the audit trigger records the change. */
export const updateTierFeatureAction = defineAction({
  roles: ["vp"],
  schema: tierFeatureSchema,
  handler: async ({ id, label, unlockTierId }, { tx, user }) => {
    const [tier] = await rows<{ id: string }>(tx, sql`select id from public.tiers where id = ${unlockTierId}`);
    if (!tier) throw new ActionError(422, "That tier no longer exists", { unlockTierId: ["Choose a tier of the ladder"] });
    const updated = await tx
      .update(tierFeatures)
      .set({ label, unlockTierId, updatedBy: user.id })
      .where(eq(tierFeatures.id, id))
      .returning({ id: tierFeatures.id });
    if (updated.length === 0) throw new ActionError(404, "That feature no longer exists");
    revalidatePath("/settings/tiers");
    revalidatePath("/portal", "layout");
    return null;
  },
});
