"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { commissionReceipts, opportunities, partners } from "@/lib/db/schema";
import { closeDateSchema, currencySchema, toMinor } from "@/lib/domain/fields";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be at most ${max.toLocaleString("en-US")} characters` })
    .transform((v) => (v === "" ? null : v))
    .nullish();

/** Major units as typed; a leading minus records a correction of an earlier receipt. */
const signedAmount = z
  .union([z.string(), z.number()], { error: "Enter the amount received" })
  .refine((v) => typeof v === "number" || !/,/.test(v) || /^\s*-?\d{1,3}(,\d{3})*(\.\d+)?\s*$/.test(v), {
    error: "Use a dot for decimals and commas only between thousands, like 1,250.50",
  })
  .transform((v) =>
    String(v)
      .trim()
      .replace(/[,\s_]/g, ""),
  )
  .refine((v) => v !== "", { error: "Enter the amount received" })
  .refine((v) => /^-?\d+(\.\d+)?$/.test(v), {
    error: "Enter a number like 1250.50, or a negative amount to correct a receipt",
  });

const receiptSchema = z
  .strictObject({
    partnerId: z.uuid({ error: "Choose the ISV vendor that paid" }),
    receivedOn: closeDateSchema,
    amount: signedAmount,
    currency: currencySchema,
    reference: z
      .string({ error: "Enter the payment reference" })
      .trim()
      .min(1, { error: "Enter the payment reference" })
      .max(200, { error: "Keep the reference under 200 characters" }),
    note: optionalText(2000, "The note"),
    opportunityId: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .pipe(z.uuid({ error: "Choose a deal from the list" }).nullable())
      .nullish(),
  })
  .transform((input, ctx) => {
    const negative = input.amount.startsWith("-");
    let minor: number;
    try {
      minor = toMinor(negative ? input.amount.slice(1) : input.amount, input.currency);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: error instanceof Error ? error.message : "Check the amount",
      });
      return z.NEVER;
    }
    if (minor === 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "The amount cannot be zero" });
      return z.NEVER;
    }
    return { ...input, amountMinor: negative ? -minor : minor };
  });

/** A payment date more than a day ahead of the server's UTC date is a typo, not a receipt. */
function isFuture(date: string): boolean {
  return date > new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Finance records a payment received from an ISV vendor. Receipts are never edited: a mistake is corrected
 * by recording a negative receipt. RLS (finance only, own user as recorder, ISV partner) has the last word.
 */
export const recordReceiptAction = defineAction({
  roles: ["finance"],
  schema: receiptSchema,
  handler: async (input, { tx, user }) => {
    if (isFuture(input.receivedOn))
      throw new ActionError(422, "Check the date", {
        receivedOn: ["A payment cannot be received in the future"],
      });
    const [partner] = await tx
      .select({ kind: partners.kind, name: partners.name })
      .from(partners)
      .where(eq(partners.id, input.partnerId));
    if (!partner)
      throw new ActionError(422, "Choose the ISV vendor", { partnerId: ["That partner was not found"] });
    if (partner.kind === "program") {
      throw new ActionError(422, "Choose an ISV vendor", {
        partnerId: [`${partner.name} is a program partner: only ISV vendors pay us commissions`],
      });
    }
    if (input.opportunityId) {
      const [deal] = await tx
        .select({ isvPartnerId: opportunities.isvPartnerId })
        .from(opportunities)
        .where(eq(opportunities.id, input.opportunityId));
      if (!deal || deal.isvPartnerId !== input.partnerId) {
        throw new ActionError(422, "Check the deal", {
          opportunityId: [`Choose a deal of ${partner.name}, or none`],
        });
      }
    }
    const [row] = await tx
      .insert(commissionReceipts)
      .values({
        partnerId: input.partnerId,
        receivedOn: input.receivedOn,
        amountMinor: input.amountMinor,
        currency: input.currency,
        reference: input.reference,
        note: input.note ?? null,
        opportunityId: input.opportunityId ?? null,
        recordedBy: user.id,
      })
      .returning({ id: commissionReceipts.id });
    revalidatePath("/reports/commissions");
    return { id: row!.id, amountMinor: input.amountMinor, currency: input.currency };
  },
});
