import { z } from "zod";
import { amountSchema, closeDateSchema } from "./schemas";

export const moveOpportunitySchema = z.strictObject({
  id: z.uuid(),
  toStageId: z.uuid({ error: "Choose a stage" }),
  beforeId: z.uuid().nullish(),
  afterId: z.uuid().nullish(),
  justification: z.string().trim().max(1000, { error: "Keep the justification under 1,000 characters" }).nullish(),
  finalValue: amountSchema.nullish(),
  closeDate: closeDateSchema.nullish(),
  lossReason: z.string().trim().max(80).nullish(),
});

export type MoveOpportunityInput = z.input<typeof moveOpportunitySchema>;
