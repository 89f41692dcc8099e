"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineJobAction } from "@/lib/actions/safe-action";
import { rows } from "@/lib/db/session";
import { closeDateSchema } from "@/lib/domain/fields";
import { appendClawbacks, linesToClaw } from "./persist";

const refundSchema = z.strictObject({
  opportunityId: z.uuid(),
  share: z
    .string({ error: "Enter the refunded share" })
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: "Enter a percentage such as 50 or 100" })
    .refine((v) => Number(v) > 0 && Number(v) <= 100, { error: "The refunded share is more than 0% and at most 100%" }),
  date: closeDateSchema,
  reason: z.string({ error: "Give a reason" }).trim().min(3, { error: "Give a reason of at least 3 characters" }).max(500),
});

/**
 * A refund or cancellation of a won deal: every earned, approved or paid line of the deal gets a negative
 * clawback line for the refunded share, linked to it and dated on the refund. Nothing is edited.
 */
export const recordRefundAction = defineJobAction({
  roles: ["vp", "finance"],
  schema: refundSchema,
  // The user's transaction finds the deal under RLS and checks it is won; the clawback lines (which
  // no role may insert) are then appended by the commissions.refund job.
  handler: async (input, { tx }) => {
    const [deal] = await rows<{ id: string; is_won: boolean }>(
      tx,
      sql`select o.id, s.is_won from public.opportunities o join public.stages s on s.id = o.stage_id where o.id = ${input.opportunityId}`,
    );
    if (!deal) throw new ActionError(404, "That deal was not found");
    if (!deal.is_won) throw new ActionError(422, "Only a won deal can be refunded; an open deal's forecast simply follows the deal");
    return { opportunityId: deal.id, share: (Number(input.share) / 100).toString(), date: input.date };
  },
  job: "commissions.refund",
  run: async (sys, { opportunityId, share, date }) => {
    const stored = await linesToClaw(sys, { opportunityId });
    let added = 0;
    for (const scheduleId of new Set(stored.map((l) => l.scheduleId))) {
      added += await appendClawbacks(sys, scheduleId, stored.filter((l) => l.scheduleId === scheduleId), share, date);
    }
    if (added === 0) throw new ActionError(409, "Nothing left to claw back: the deal has no earned commission, or it was already refunded on that date");
    revalidatePath("/pipeline");
    revalidatePath("/reports/commissions");
    return { lines: added };
  },
});
