import { z } from "zod";

const isoDate = z.iso.date({ error: "Enter a date as YYYY-MM-DD" });
const id = (what: string) => z.uuid({ error: `Choose a valid ${what}` });

export const createBatchSchema = z
  .strictObject({
    periodStart: isoDate,
    periodEnd: isoDate,
    note: z.string().trim().max(2000, { error: "Keep the note under 2,000 characters" }).optional(),
  })
  .refine((v) => v.periodEnd >= v.periodStart, {
    error: "The period must end on or after its start",
    path: ["periodEnd"],
  });

export const batchIdSchema = z.strictObject({ batchId: id("batch") });
export const payoutIdSchema = z.strictObject({ payoutId: id("payout") });

export const markPaidExternallySchema = z.strictObject({
  payoutId: id("payout"),
  reference: z
    .string({ error: "Give the payment reference" })
    .trim()
    .min(3, { error: "Give a reference of at least 3 characters" })
    .max(200, { error: "Keep the reference under 200 characters" }),
});
