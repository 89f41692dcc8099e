"use server";

import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { recalculateAfterChange } from "@/lib/opportunities/after-change";
import { fxRates } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { closeDateSchema, currencySchema } from "@/lib/domain/fields";

const fxSchema = z
  .strictObject({
    rateDate: closeDateSchema,
    base: currencySchema,
    quote: currencySchema,
    rate: z
      .string({ error: "Enter a rate" })
      .trim()
      .regex(/^\d{1,10}(\.\d{1,10})?$/, { error: "Enter a positive number, like 1.0842" })
      .refine((v) => !/^\d/.test(v) || Number(v) > 0, { error: "The rate must be above zero" }),
  })
  .refine((v) => v.base !== v.quote, { error: "Choose two different currencies", path: ["quote"] });

/** Deals in the rate's currency whose commission lines can still change are recomputed with it. */
async function recalculateCurrency(tx: Parameters<typeof recalculateAfterChange>[0], currency: string) {
  const deals = await rows<{ id: string }>(
    tx,
    sql`select o.id from public.opportunities o join public.stages s on s.id = o.stage_id where o.currency = ${currency} and not s.is_lost`,
  );
  await recalculateAfterChange(tx, deals.map((d) => d.id));
}

export const saveFxRateAction = defineAction({
  roles: ["vp", "finance"],
  schema: fxSchema,
  handler: async ({ rateDate, base, quote, rate }, { tx }) => {
    await tx
      .insert(fxRates)
      .values({ rateDate, base, quote, rate })
      .onConflictDoUpdate({ target: [fxRates.rateDate, fxRates.base, fxRates.quote], set: { rate } });
    await recalculateCurrency(tx, base);
    revalidatePath("/settings/fx");
    return null;
  },
});

export const deleteFxRateAction = defineAction({
  roles: ["vp", "finance"],
  schema: z.strictObject({ rateDate: closeDateSchema, base: currencySchema, quote: currencySchema }),
  handler: async ({ rateDate, base, quote }, { tx }) => {
    const removed = await tx.delete(fxRates).where(and(eq(fxRates.rateDate, rateDate), eq(fxRates.base, base), eq(fxRates.quote, quote))).returning({ base: fxRates.base });
    if (removed.length === 0) throw new ActionError(404, "That rate no longer exists");
    await recalculateCurrency(tx, base);
    revalidatePath("/settings/fx");
    return null;
  },
});
