"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { rows } from "@/lib/db/session";
import { programSettingsSchema } from "./schemas";

export const updateProgramSettingsAction = defineAction({
  roles: ["vp"],
  schema: programSettingsSchema,
  handler: async (input, { tx }) => {
    const rule = {
      enabled: input.autoApproveEnabled,
      minExperience: input.autoApproveMinExperience,
      requireWebsite: input.autoApproveRequireWebsite,
    };
    const updated = await rows<{ one: number }>(
      tx,
      sql`update public.workspace_settings set program_headline = ${input.programHeadline}, program_description = ${input.programDescription},
            attribution_window_days = ${input.attributionWindowDays}, protection_window_days = ${input.protectionWindowDays},
            auto_approve_rule = ${JSON.stringify(rule)}::jsonb, updated_at = now()
          returning 1 as one`,
    );
    if (updated.length === 0) throw new ActionError(404, "The workspace has not been set up yet");
    revalidatePath("/settings/program");
    revalidatePath("/program");
    return null;
  },
});
