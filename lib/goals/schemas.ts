import { z } from "zod";
import { DOMAINS } from "@/lib/opportunities/schemas";

export const setGoalSchema = z
  .strictObject({
    year: z.coerce.number().int().min(2000).max(2100),
    quarter: z.coerce.number().int().min(1).max(4),
    domain: z.enum(DOMAINS).optional(),
    ownerId: z.uuid().optional(),
    target: z
      .string({ error: "Enter a target" })
      .trim()
      .transform((v) => v.replace(/,/g, ""))
      .refine((v) => /^\d{1,12}$/.test(v), { error: "Enter a whole amount, like 250000" }),
  })
  .refine((g) => !(g.domain && g.ownerId), { error: "A goal is for the company, a domain or a person", path: ["domain"] });

export const lossReasonSchema = z.strictObject({ label: z.string().trim().min(1, { error: "Enter a reason" }).max(80, { error: "Keep it under 80 characters" }) });
export const archiveLossReasonSchema = z.strictObject({ id: z.uuid() });
