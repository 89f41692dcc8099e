"use server";

import { eq } from "drizzle-orm";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { agreements, agreementVersions, fxRates } from "@/lib/db/schema";
import { amountSchema, closeDateSchema, currencySchema, toMinor } from "@/lib/domain/fields";
import { calculateSchedule, CommissionRuleError, isExcluded } from "@/lib/commissions/engine";
import { toEngineVersion } from "./persist";
import type { Schedule, TraceStep } from "@/lib/commissions/types";

const calculatorSchema = z.strictObject({
  agreementId: z.uuid({ error: "Choose an agreement" }),
  value: amountSchema,
  currency: currencySchema,
  closeDate: closeDateSchema,
  customerName: z.string().trim().min(1, { error: "Enter the customer" }).max(200),
});

export type CalculatorResult = { kind: "schedule"; schedule: Schedule } | { kind: "excluded"; reason: string; trace: TraceStep[] };

/** Runs the engine on a hypothetical deal against an agreement the caller can read; writes nothing. */
export const calculateCommissionAction = defineAction({
  roles: STAFF_ROLES,
  schema: calculatorSchema,
  handler: async (input, { tx }): Promise<CalculatorResult> => {
    let valueMinor: number;
    try {
      valueMinor = toMinor(input.value, input.currency);
    } catch (error) {
      throw new ActionError(422, "Check the value", { value: [error instanceof Error ? error.message : "Invalid value"] });
    }
    const found = await tx
      .select({ agreement: agreements, version: agreementVersions })
      .from(agreements)
      .innerJoin(agreementVersions, eq(agreementVersions.agreementId, agreements.id))
      .where(eq(agreements.id, input.agreementId));
    if (found.length === 0) throw new ActionError(404, "That agreement was not found", { agreementId: ["Choose an agreement"] });
    const fx = (await tx.select().from(fxRates)).map((r) => ({ date: r.rateDate, from: r.base, to: r.quote, rate: r.rate }));
    try {
      const result = calculateSchedule({
        deal: { id: "calculator", valueMinor, currency: input.currency, closeDate: input.closeDate, customerName: input.customerName },
        versions: found.map(({ agreement, version }) => toEngineVersion(agreement, version)),
        fx,
        period: { volumeBeforeMinor: 0, commissionBeforeMinor: 0 },
      });
      return isExcluded(result) ? { kind: "excluded", reason: result.reason, trace: result.trace } : { kind: "schedule", schedule: result };
    } catch (error) {
      if (error instanceof CommissionRuleError) throw new ActionError(422, error.message);
      throw error;
    }
  },
});
