"use server";

import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { landingPages } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { invalidateLinks } from "@/lib/referrals/link-cache";
import { landingPageActiveSchema, landingPageIdSchema, landingPageSchema } from "./schemas";

const MANAGERS = ["vp", "partnership_manager"] as const;

function changed() {
  // Links to a page that changed now lead elsewhere: cached destinations must go.
  invalidateLinks();
  revalidatePath("/settings/landing-pages");
}

export const createLandingPageAction = defineAction({
  roles: MANAGERS,
  schema: landingPageSchema,
  handler: async ({ name, url }, { tx }) => {
    const [duplicate] = await tx
      .select({ id: landingPages.id })
      .from(landingPages)
      .where(eq(landingPages.url, url));
    if (duplicate)
      throw new ActionError(409, "That page is already allowed", {
        url: ["This address is already on the list"],
      });
    // Name only the granted columns (the default flag is set_default_landing_page's).
    const [created] = await rows<{ id: string }>(
      tx,
      sql`insert into public.landing_pages (name, url) values (${name}, ${url}) returning id`,
    );
    changed();
    return created!;
  },
});

export const setLandingPageActiveAction = defineAction({
  roles: MANAGERS,
  schema: landingPageActiveSchema,
  handler: async ({ id, active }, { tx }) => {
    const [updated] = await tx
      .update(landingPages)
      .set({ active })
      .where(and(eq(landingPages.id, id), active ? sql`true` : eq(landingPages.isDefault, false)))
      .returning({ id: landingPages.id });
    if (!updated)
      throw new ActionError(
        422,
        active
          ? "That landing page no longer exists."
          : "Choose another default before turning this page off.",
      );
    changed();
    return updated;
  },
});

export const setDefaultLandingPageAction = defineAction({
  roles: MANAGERS,
  schema: landingPageIdSchema,
  handler: async ({ id }, { tx }) => {
    const [target] = await tx
      .select({ active: landingPages.active })
      .from(landingPages)
      .where(eq(landingPages.id, id));
    if (!target) throw new ActionError(404, "That landing page no longer exists.");
    if (!target.active) throw new ActionError(422, "Turn the page on before making it the default.");
    // The flag and the default links that follow it change in one SQL function that checks the caller.
    await tx.execute(sql`select public.set_default_landing_page(${id})`);
    changed();
    return { id };
  },
});
