"use server";

import { and, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { ActionError, actionObject, defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { getConnection } from "@/lib/db/client";
import { rows } from "@/lib/db/session";
import { landingPages, partners, referralLinks } from "@/lib/db/schema";
import { clientAddress, fieldErrorsOf } from "@/lib/http/problem";
import { ATTRIBUTION_COOKIE } from "./attribution";
import { createReferral } from "./create-referral";
import { linkCode } from "./default-link";
import { invalidateLinks } from "./link-cache";
import { campaignLinkSchema, linkIdSchema, referralSchema } from "./schemas";

/** The public "talk to us" form: no session; attribution comes from the cookie the referral redirect set. */
export async function submitReferralAction(form: FormData): Promise<ActionResult<{ attributed: boolean }>> {
  // Called from any client with any encoded argument, not only from our form.
  const input = actionObject(form);
  if (!input.ok) return input.failure;
  const parsed = referralSchema.safeParse(input.raw);
  if (!parsed.success)
    return {
      ok: false,
      status: 422,
      error: "Some fields need attention",
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  const ip = clientAddress(new Request("http://local", { headers: await headers() }));
  try {
    const outcome = await createReferral(await getConnection(), parsed.data, {
      source: "landing_form",
      ip,
      cookie: (await cookies()).get(ATTRIBUTION_COOKIE)?.value ?? null,
    });
    if (!outcome.ok) {
      return outcome.reason === "rate_limited"
        ? {
            ok: false,
            status: 429,
            error: `Too many messages from your network. Try again in ${outcome.retryAfterSeconds} seconds.`,
          }
        : { ok: false, status: 422, error: "We could not tell who referred you." };
    }
    return { ok: true, data: { attributed: outcome.referralId !== null } };
  } catch (error) {
    console.error("[referrals] landing form failed", error);
    return { ok: false, status: 500, error: "Something went wrong on our side. Nothing was sent." };
  }
}

export const createCampaignLinkAction = defineAction({
  roles: ["partner"],
  schema: campaignLinkSchema,
  handler: async ({ campaign, landingPageId }, { tx, user }) => {
    const partnerId = user.partnerId;
    if (!partnerId) throw new ActionError(403, "Your account is not linked to a partner organisation.");
    const [page] = await tx
      .select({ id: landingPages.id })
      .from(landingPages)
      .where(and(eq(landingPages.id, landingPageId), eq(landingPages.active, true)));
    if (!page)
      throw new ActionError(422, "Choose a landing page", {
        landingPageId: ["Choose an active landing page"],
      });
    const [org] = await tx.select({ slug: partners.slug }).from(partners).where(eq(partners.id, partnerId));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      // Only the granted columns are named; the database checks the code's prefix and the page.
      const [created] = await rows<{ id: string; code: string }>(
        tx,
        sql`insert into public.referral_links (partner_id, code, landing_page_id, campaign, created_by)
          values (${partnerId}, ${linkCode(`${org?.slug ?? "partner"}-${campaign}`)}, ${landingPageId}, ${campaign}, ${user.id})
          on conflict do nothing returning id, code`,
      );
      if (created) {
        revalidatePath("/portal/links");
        return created;
      }
    }
    throw new ActionError(409, "Could not allocate a link code; try again.");
  },
});

export const archiveLinkAction = defineAction({
  roles: ["partner"],
  schema: linkIdSchema,
  handler: async ({ id }, { tx }) => {
    const [archived] = await tx
      .update(referralLinks)
      .set({ archivedAt: new Date() })
      .where(
        and(eq(referralLinks.id, id), eq(referralLinks.isDefault, false), isNull(referralLinks.archivedAt)),
      )
      .returning({ code: referralLinks.code });
    if (!archived) throw new ActionError(404, "That link is not one of your campaign links.");
    invalidateLinks([archived.code]);
    revalidatePath("/portal/links");
    return archived;
  },
});
