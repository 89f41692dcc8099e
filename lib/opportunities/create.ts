import "server-only";
import { sql } from "drizzle-orm";
import { ActionError } from "@/lib/actions/safe-action";
import { recalculateAfterChange } from "@/lib/commissions/after-change";
import type { Tx } from "@/lib/db/connection";
import { opportunities, type AppRole } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { columnsOf } from "./columns";
import type { OpportunityInput } from "./schemas";

/**
 * The one create path for an opportunity (the form, an approved deal registration): owner rule,
 * position at the end of the stage, first history row, commissions in the same transaction.
 */
export async function insertOpportunity(
  tx: Tx,
  input: OpportunityInput & { stageId: string },
  user: { id: string; role: AppRole },
) {
  if (user.role !== "vp" && input.ownerId !== user.id) {
    throw new ActionError(403, "Only the VP can create opportunities for someone else", {
      ownerId: ["Choose yourself as the owner"],
    });
  }
  const [{ next }] = (await rows<{ next: string }>(
    tx,
    sql`select coalesce(max(position), 0) + 1024 as next from public.opportunities where stage_id = ${input.stageId}`,
  )) as [{ next: string }];
  const [created] = await tx
    .insert(opportunities)
    .values({ ...columnsOf(input), stageId: input.stageId, position: String(next), createdBy: user.id })
    .returning({ id: opportunities.id });
  await tx.execute(
    sql`insert into public.opportunity_stage_history (opportunity_id, to_stage_id, moved_by) values (${created!.id}, ${input.stageId}, ${user.id})`,
  );
  await recalculateAfterChange(tx, [created!.id]);
  return { id: created!.id };
}
