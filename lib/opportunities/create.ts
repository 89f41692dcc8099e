import "server-only";
import { sql } from "drizzle-orm";
import { ActionError } from "@/lib/actions/safe-action";
import { recalculateAfterChange } from "@/lib/opportunities/after-change";
import type { Tx } from "@/lib/db/connection";
import type { AppRole } from "@/lib/domain/enums";
import { rows } from "@/lib/db/session";
import { columnsOf } from "./columns";
import type { OpportunityInput } from "./schemas";

type Columns = ReturnType<typeof columnsOf> & { stageId: string; position: string; createdBy: string };

/**
 * Inserts opportunities naming only the columns users are granted (the stage's consequences, such as the
 * close date, are set by moves), then each one's first stage-history row. Returns ids in input order.
 */
export async function insertOpportunityRows(tx: Tx, values: readonly Columns[]): Promise<{ id: string; stageId: string }[]> {
  if (values.length === 0) return [];
  const tuples = values.map(
    (v) => sql`(${v.customerName}, ${v.title}, ${v.contactName}, ${v.contactEmail}, ${v.technicalContactName}, ${v.technicalContactEmail},
      ${v.valueMinor}, ${v.currency}, ${v.stageId}::uuid, ${v.position}::numeric, ${v.ownerId}::uuid, ${v.isvPartnerId}::uuid,
      ${v.referringPartnerId}::uuid, ${v.domain}::public.partner_domain, ${v.expectedCloseDate}::date, ${v.notes}, ${v.createdBy}::uuid)`,
  );
  const created = await rows<{ id: string; stage_id: string }>(
    tx,
    sql`insert into public.opportunities (customer_name, title, contact_name, contact_email, technical_contact_name,
        technical_contact_email, value_minor, currency, stage_id, position, owner_id, isv_partner_id, referring_partner_id,
        domain, expected_close_date, notes, created_by)
      values ${sql.join(tuples, sql`, `)}
      returning id, stage_id`,
  );
  await tx.execute(sql`insert into public.opportunity_stage_history (opportunity_id, to_stage_id, moved_by)
    select o.id, o.stage_id, o.created_by from public.opportunities o
    where o.id in (${sql.join(created.map((c) => sql`${c.id}::uuid`), sql`, `)})`);
  return created.map((c) => ({ id: c.id, stageId: c.stage_id }));
}

/**
 * The one create path for an opportunity (the form, an approved deal registration): owner rule, an open
 * stage (a deal is decided by moving it, with the final value, close date or reason), position at the end
 * of the stage, first history row, commissions in the same transaction.
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
  const [stage] = await rows<{ closed: boolean; next: string }>(
    tx,
    sql`select s.is_won or s.is_lost as closed,
          (select coalesce(max(o.position), 0) + 1024 from public.opportunities o where o.stage_id = s.id) as next
        from public.stages s where s.id = ${input.stageId}`,
  );
  if (!stage) throw new ActionError(422, "Some fields need attention", { stageId: ["That stage no longer exists"] });
  if (stage.closed) {
    throw new ActionError(422, "Some fields need attention", {
      stageId: ["Create the deal in an open stage, then move it to won or lost"],
    });
  }
  const [created] = await insertOpportunityRows(tx, [
    { ...columnsOf(input), stageId: input.stageId, position: String(stage.next), createdBy: user.id },
  ]);
  await recalculateAfterChange(tx, [created!.id]);
  return { id: created!.id };
}
