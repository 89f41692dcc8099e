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
  // What the target stage requires and the deal lacks, asked for by the move dialog and saved with the move.
  technicalContactName: z.string().trim().min(1, { error: "Name the technical contact" }).max(120).nullish(),
  technicalContactEmail: z.email({ error: "Enter a valid email" }).max(200).nullish(),
  contactName: z.string().trim().min(1, { error: "Name the customer contact" }).max(120).nullish(),
  contactEmail: z.email({ error: "Enter a valid email" }).max(200).nullish(),
  expectedCloseDate: z.iso.date({ error: "Enter a date" }).nullish(),
});

export type MoveOpportunityInput = z.input<typeof moveOpportunitySchema>;
