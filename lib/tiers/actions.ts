"use server";

import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { tiers } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";
import { tierSchema } from "./schemas";
import { workspaceCurrency } from "./metrics";

function slugKey(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(base) ? base.slice(0, 40) : `tier_${base}`.slice(0, 40);
}

/** The VP adds or edits a tier; partners move at the next deal change or the nightly re-evaluation. */
export const saveTierAction = defineAction({
  roles: ["vp"],
  schema: tierSchema,
  handler: async ({ id, minTrailingRevenue, ...input }, { tx }) => {
    const currency = await workspaceCurrency(tx);
    const values = { ...input, minTrailingRevenueMinor: minTrailingRevenue * 10 ** minorDigits(currency) };
    if (id) {
      const updated = await tx.update(tiers).set(values).where(eq(tiers.id, id)).returning({ id: tiers.id });
      if (updated.length === 0) throw new ActionError(404, "That tier no longer exists");
    } else {
      const [{ next }] = (await rows<{ next: number }>(
        tx,
        sql`select coalesce(max(rank), -1) + 1 as next from public.tiers`,
      )) as [{ next: number }];
      let key = slugKey(input.name);
      const [taken] = await rows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from public.tiers where key = ${key}`,
      );
      if (taken && taken.n > 0) key = `${key}_${next}`;
      await tx.insert(tiers).values({ ...values, key, rank: next });
    }
    revalidatePath("/settings/tiers");
    return null;
  },
});
