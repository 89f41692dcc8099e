"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { workspaceSettings } from "@/lib/db/schema";
import { companyProfileSchema } from "./company-schemas";

/** Only the VP edits the company profile; the other staff roles see it read-only. */
export const updateCompanyProfileAction = defineAction({
  roles: ["vp"],
  schema: companyProfileSchema,
  handler: async ({ logo, removeLogo, ...fields }, { tx }) => {
    // A new file wins over "remove"; neither keeps the stored logo untouched.
    const logoChange = logo
      ? { logoBase64: logo.base64, logoType: logo.type }
      : removeLogo
        ? { logoBase64: null, logoType: null }
        : {};
    const updated = await tx
      .update(workspaceSettings)
      .set({ ...fields, ...logoChange, updatedAt: new Date() })
      .where(eq(workspaceSettings.id, true))
      .returning({ id: workspaceSettings.id });
    if (updated.length === 0) throw new ActionError(404, "The workspace has not been set up yet");
    revalidatePath("/settings/company");
    return null;
  },
});
