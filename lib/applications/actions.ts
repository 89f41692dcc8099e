"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { ActionError, actionInput, defineAction, defineJobAction, type ActionResult } from "@/lib/actions/safe-action";
import { hitLimit } from "@/lib/auth/rate-limit";
import { rows, withSystem } from "@/lib/db/session";
import { applicationRejectedContent } from "@/lib/email/templates";
import { serverEnv } from "@/lib/env";
import { clientAddress, fieldErrorsOf } from "@/lib/http/problem";
import { ApprovalConflictError, autoApproveApplication, createPartnerFromApplication, sendApplicationReceipt } from "./approve";
import {
  APPLICATIONS,
  applicationSchema,
  approveApplicationSchema,
  rejectApplicationSchema,
  type ApplicationInput,
} from "./schemas";

const DUPLICATE = "An application for this email is already being reviewed. We will be in touch soon.";

async function clientIp(): Promise<string> {
  return clientAddress(new Request("http://local", { headers: await headers() }));
}

function socialHandles(input: ApplicationInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["linkedin", "x", "youtube", "blog"] as const) if (input[key]) out[key] = input[key]!;
  return out;
}

/** The public application form: anyone may apply; submissions are rate-limited per address. */
export async function submitApplicationAction(
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<{ status: "pending" | "approved" }>> {
  const checked = actionInput(input instanceof FormData ? formObject(input) : input);
  if (!checked.ok) return checked.failure;
  const parsed = applicationSchema.safeParse(checked.raw);
  if (!parsed.success)
    return {
      ok: false,
      status: 422,
      error: "Some fields need attention",
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  // Only well-formed submissions count, so fixing a typo never locks a person out.
  const ip = await clientIp();
  const limit = await withSystem("portal.apply-limit", (tx) => hitLimit(tx, APPLICATIONS, ip));
  if (limit.limited) {
    return {
      ok: false,
      status: 429,
      error: `Too many applications from your network. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`,
    };
  }
  const data = parsed.data;
  try {
    const status = await withSystem("portal.apply", async (tx) => {
      const [pending] = await rows<{ one: number }>(
        tx,
        sql`select 1 as one from public.partner_applications where lower(email) = ${data.email} and status = 'pending'`,
      );
      if (pending) throw new ActionError(409, DUPLICATE, { email: [DUPLICATE] });
      const [created] = await rows<{ id: string }>(
        tx,
        sql`insert into public.partner_applications
              (company, website, industry, experience, monthly_goal_minor, contact_name, email, phone, contact_preferences, social_handles, message)
            values (${data.company}, ${data.website ?? null}, ${data.industry}, ${data.experience}, ${data.monthlyGoal ?? null}, ${data.contactName},
                    ${data.email}, ${data.phone ?? null}, ${`{${data.contactPreferences.join(",")}}`}::text[], ${JSON.stringify(socialHandles(data))}::jsonb,
                    ${data.message ?? null})
            returning id`,
      );
      await sendApplicationReceipt(tx, { id: created!.id, email: data.email, contactName: data.contactName, company: data.company });
      return autoApproveApplication(tx, created!.id, data);
    });
    return { ok: true, data: { status } };
  } catch (error) {
    if (error instanceof ActionError)
      return { ok: false, status: error.status, error: error.message, fieldErrors: error.fieldErrors };
    if (
      (error as { code?: string; cause?: { code?: string } }).code === "23505" ||
      (error as { cause?: { code?: string } }).cause?.code === "23505"
    ) {
      return { ok: false, status: 409, error: DUPLICATE, fieldErrors: { email: [DUPLICATE] } };
    }
    console.error("[apply] failed", error);
    return { ok: false, status: 500, error: "Something went wrong on our side. Nothing was saved." };
  }
}

function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = out[key];
    out[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * The reviewer's transaction finds the pending application under RLS; the portal.approve-application
 * job then claims it, creates the organisation, its admin's invitation and default link in one commit
 * (a conflict, such as an existing account, rolls all of it back and leaves the application pending).
 */
export const approveApplicationAction = defineJobAction({
  roles: ["vp", "partnership_manager"],
  schema: approveApplicationSchema,
  handler: async ({ applicationId }, { tx }) => {
    const [pending] = await rows<{ id: string }>(
      tx,
      sql`select id from public.partner_applications where id = ${applicationId} and status = 'pending'`,
    );
    if (!pending) throw new ActionError(409, "This application was already reviewed");
    return { applicationId };
  },
  job: "portal.approve-application",
  run: async (sys, { applicationId }, { user }) => {
    const claimed = await rows<{ id: string }>(
      sys,
      sql`update public.partner_applications set status = 'approved', reviewed_by = ${user.id}, reviewed_at = now()
          where id = ${applicationId} and status = 'pending' returning id`,
    );
    if (claimed.length === 0) throw new ActionError(409, "This application was already reviewed");
    let approved;
    try {
      approved = await createPartnerFromApplication(sys, applicationId, user.id);
    } catch (error) {
      if (error instanceof ApprovalConflictError) throw new ActionError(409, error.message);
      throw error;
    }
    await sys.execute(
      sql`update public.partner_applications set partner_id = ${approved.partnerId}, invitation_id = ${approved.invitationId} where id = ${applicationId}`,
    );
    revalidatePath("/partners/applications");
    revalidatePath("/partners");
    return approved;
  },
});

export const rejectApplicationAction = defineAction({
  roles: ["vp", "partnership_manager"],
  schema: rejectApplicationSchema,
  handler: async ({ applicationId, reason }, { tx, user }) => {
    const [app] = await rows<{ email: string; contact_name: string; company: string }>(
      tx,
      sql`update public.partner_applications set status = 'rejected', rejection_reason = ${reason}, reviewed_by = ${user.id}, reviewed_at = now()
          where id = ${applicationId} and status = 'pending' returning email, contact_name, company`,
    );
    if (!app) throw new ActionError(409, "This application was already reviewed");
    const email = applicationRejectedContent(app.contact_name, app.company, reason, `${serverEnv().APP_URL}/program`);
    await tx.execute(
      sql`select private.enqueue_application_rejection_email(${applicationId}::uuid, ${email.subject}, ${email.text}, ${email.html})`,
    );
    revalidatePath("/partners/applications");
    return null;
  },
});
