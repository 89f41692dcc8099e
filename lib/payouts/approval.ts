"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { holdingOf, READY_ON } from "./approval-queue";

const lineIds = z.preprocess(
  (v) => (typeof v === "string" ? [v] : v),
  z
    .array(z.uuid({ error: "A selected line is not valid" }), { error: "Select at least one line" })
    .min(1, { error: "Select at least one line" })
    .max(500, { error: "Select at most 500 lines at a time" }),
);

const approveSchema = z.strictObject({ lineIds });
const rejectSchema = z.strictObject({
  lineIds,
  reason: z
    .string({ error: "Give a reason" })
    .trim()
    .min(3, { error: "Give a reason of at least 3 characters" })
    .max(500, { error: "Keep the reason under 500 characters" }),
});
const undoSchema = z.strictObject({ lineIds });

interface LockedLine {
  id: string;
  partner_id: string;
  direction: string;
  status: string;
  kind: string;
  label: string;
  amount_minor: string;
  currency: string;
  rejected_at: string | null;
  ready_on: string;
  clawback_of: string | null;
  original_status: string | null;
}

/** Locks the requested lines (RLS lets finance lock only earned lines) in id order, so two approvers queue. */
async function lockLines(tx: Tx, ids: string[]): Promise<Map<string, LockedLine>> {
  const found = await rows<LockedLine>(
    tx,
    sql`select l.id, l.partner_id, l.direction::text as direction, l.status::text as status, l.kind::text as kind, l.label,
        l.amount_minor::text as amount_minor, l.currency, l.rejected_at::text as rejected_at, ${READY_ON}::text as ready_on,
        l.clawback_of, c.status::text as original_status
      from public.commission_lines l
        join public.partners p on p.id = l.partner_id
        left join public.tiers t on t.id = p.tier_id
        left join public.commission_schedules s on s.id = l.schedule_id
        left join public.commission_lines c on c.id = l.clawback_of
      where l.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
      order by l.id
      for update of l`,
  );
  return new Map(found.map((l) => [l.id, l]));
}

const today = () => new Date().toISOString().slice(0, 10);

/** Why a line cannot be approved now, or null when it can. */
function approvalProblem(line: LockedLine | undefined, selected: ReadonlySet<string>, on: string): string | null {
  if (!line) return "is not an earned line waiting for approval";
  if (line.direction !== "payable") return `${line.label}: only commissions we pay partners are approved here`;
  if (line.status !== "earned") return `${line.label}: is ${line.status.replace("_", " ")}, not earned`;
  if (line.rejected_at) return `${line.label}: was rejected; undo the rejection first`;
  if (line.kind === "clawback") {
    const waits = line.original_status === "earned" && !(line.clawback_of && selected.has(line.clawback_of));
    return waits ? `${line.label}: approve it together with the line it claws back` : null;
  }
  if (holdingOf({ rejectedAt: null, readyOn: line.ready_on, kind: line.kind, originalStatus: null }, on) === "holding")
    return `${line.label}: holding until ${line.ready_on}`;
  return null;
}

function refresh() {
  revalidatePath("/payouts");
  revalidatePath("/reports/commissions");
}

/**
 * Approves earned payable lines past their holding period, all or none, through approve_commission_lines:
 * each gets approved_by/at and a ledger journal moving its amount to partner_payable (a clawback's negative
 * amount reverses it). The checks here only give finance the reasons line by line.
 */
export const approveLinesAction = defineAction({
  roles: ["finance"],
  schema: approveSchema,
  handler: async ({ lineIds: ids }, { tx }) => {
    const unique = [...new Set(ids)];
    const locked = await lockLines(tx, unique);
    const selected = new Set(unique);
    const on = today();
    const problems = unique.map((id) => approvalProblem(locked.get(id), selected, on)).filter((p): p is string => p !== null);
    if (problems.length > 0) {
      throw new ActionError(422, `${problems.length} of ${unique.length} lines cannot be approved; nothing was approved`, {
        lineIds: problems.slice(0, 20),
      });
    }
    // The database re-checks every rule, sets approved_by to the caller and writes each line's journal.
    const [done] = await rows<{ approved: number }>(
      tx,
      sql`select public.approve_commission_lines(array[${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)}]) as approved`,
    );
    if (Number(done?.approved) !== unique.length) throw new ActionError(409, "Some lines changed while you were approving; nothing was approved");
    refresh();
    return { approved: unique.length };
  },
});

/**
 * Rejects earned payable lines with a reason, all or none; the lines leave the queue. Earned clawbacks
 * of a rejected line go with it (there is nothing left for them to reverse).
 */
export const rejectLinesAction = defineAction({
  roles: ["finance"],
  schema: rejectSchema,
  handler: async ({ lineIds: ids, reason }, { tx }) => {
    const unique = [...new Set(ids)];
    const locked = await lockLines(tx, unique);
    const problems = unique
      .map((id) => {
        const line = locked.get(id);
        if (!line) return "is not an earned line waiting for approval";
        if (line.direction !== "payable") return `${line.label}: only commissions we pay partners are rejected here`;
        if (line.status !== "earned") return `${line.label}: is ${line.status.replace("_", " ")}, not earned`;
        if (line.rejected_at) return `${line.label}: is already rejected`;
        return null;
      })
      .filter((p): p is string => p !== null);
    if (problems.length > 0) {
      throw new ActionError(422, `${problems.length} of ${unique.length} lines cannot be rejected; nothing was rejected`, {
        lineIds: problems.slice(0, 20),
      });
    }
    const rejected = await rows<{ id: string }>(
      tx,
      sql`update public.commission_lines set rejected_reason = ${reason}, rejected_at = now()
        where status = 'earned' and direction = 'payable' and rejected_at is null
          and (id in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})
            or clawback_of in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)}))
        returning id`,
    );
    if (rejected.filter((r) => unique.includes(r.id)).length !== unique.length)
      throw new ActionError(409, "Some lines changed while you were rejecting; nothing was rejected");
    refresh();
    return { rejected: rejected.length };
  },
});

/** Puts rejected lines back in the queue (they are still earned; nothing was posted for them). */
export const undoRejectionAction = defineAction({
  roles: ["finance"],
  schema: undoSchema,
  handler: async ({ lineIds: ids }, { tx }) => {
    const unique = [...new Set(ids)];
    const restored = await rows<{ id: string }>(
      tx,
      sql`update public.commission_lines set rejected_reason = null, rejected_at = null
        where status = 'earned' and rejected_at is not null
          and id in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})
        returning id`,
    );
    if (restored.length !== unique.length)
      throw new ActionError(422, "Only rejected lines that are still earned can go back to the queue; nothing was changed", {
        lineIds: ["Some selected lines are not rejected"],
      });
    refresh();
    return { restored: restored.length };
  },
});
