import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import type { AppRole } from "@/lib/domain/enums";
import { rows } from "@/lib/db/session";
import { formatMoney } from "@/lib/money";
import { weekBounds } from "./week";

export interface WeekActivity {
  moves: {
    customer: string;
    from: string | null;
    to: string;
    won: boolean;
    lost: boolean;
    valueMinor: number;
    currency: string;
  }[];
  tasksCompleted: { title: string }[];
  interactions: { partner: string; kind: string; summary: string }[];
  openTasks: { title: string; dueDate: string | null }[];
  kpis: Record<string, number>;
}

/** What the person did this week, read under their own session (RLS keeps it to what they may see). */
export async function getWeekActivity(
  tx: Tx,
  userId: string,
  role: AppRole,
  weekStart: string,
): Promise<WeekActivity> {
  const { from, to } = weekBounds(weekStart);
  const [f, t] = [from.toISOString(), to.toISOString()];
  const moves = await rows<WeekActivity["moves"][number]>(
    tx,
    sql`select o.customer_name as customer, fs.name as "from", ts.name as "to", ts.is_won as won, ts.is_lost as lost,
          o.value_minor::float8 as "valueMinor", o.currency
        from public.opportunity_stage_history h
        join public.opportunities o on o.id = h.opportunity_id
        join public.stages ts on ts.id = h.to_stage_id
        left join public.stages fs on fs.id = h.from_stage_id
        where h.moved_by = ${userId} and h.moved_at >= ${f} and h.moved_at < ${t} and h.from_stage_id is not null
        order by h.moved_at limit 50`,
  );
  const tasksCompleted = await rows<{ title: string }>(
    tx,
    sql`select title from public.tasks where assignee_id = ${userId} and completed_at >= ${f} and completed_at < ${t}
        order by completed_at limit 50`,
  );
  const interactions = await rows<WeekActivity["interactions"][number]>(
    tx,
    sql`select p.name as partner, i.kind::text as kind, i.summary from public.partner_interactions i
        join public.partners p on p.id = i.partner_id
        where i.author_id = ${userId} and i.occurred_at >= ${f} and i.occurred_at < ${t} order by i.occurred_at limit 50`,
  );
  const openTasks = await rows<WeekActivity["openTasks"][number]>(
    tx,
    sql`select title, due_date::text as "dueDate" from public.tasks where assignee_id = ${userId} and completed_at is null
        order by due_date nulls last, created_at limit 20`,
  );
  const kpis = await countKpis(tx, userId, role, f, t, { moves, interactions });
  return { moves, tasksCompleted, interactions, openTasks, kpis };
}

async function countKpis(
  tx: Tx,
  userId: string,
  role: AppRole,
  f: string,
  t: string,
  seen: Pick<WeekActivity, "moves" | "interactions">,
): Promise<Record<string, number>> {
  const meetings = seen.interactions.filter((i) => ["meeting", "call", "qbr"].includes(i.kind)).length;
  if (role === "sales_manager") {
    const [added] = await rows<{ v: number }>(
      tx,
      sql`select coalesce(sum(value_minor), 0)::float8 / 100 as v from public.opportunities
          where owner_id = ${userId} and created_at >= ${f} and created_at < ${t}`,
    );
    const demos = seen.moves.filter((m) => m.to.toLowerCase() === "demo").length;
    return {
      meetingsHeld: meetings,
      demos,
      dealsMoved: seen.moves.length,
      pipelineAdded: Math.round(added?.v ?? 0),
    };
  }
  if (role === "partnership_manager") {
    const [c] = await rows<{ onboarded: number; reviewed: number }>(
      tx,
      sql`select (select count(*) from public.partners where owner_id = ${userId} and onboarded_at >= ${f} and onboarded_at < ${t})::int as onboarded,
                 (select count(*) from public.deal_registrations where reviewed_by = ${userId} and reviewed_at >= ${f} and reviewed_at < ${t})::int as reviewed`,
    );
    const qbrs = seen.interactions.filter((i) => i.kind === "qbr").length;
    return {
      partnerMeetings: meetings,
      partnersOnboarded: c?.onboarded ?? 0,
      qbrsHeld: qbrs,
      registrationsReviewed: c?.reviewed ?? 0,
    };
  }
  if (role === "finance") {
    const [c] = await rows<{ approved: number; sent: number }>(
      tx,
      sql`select (select count(*) from public.commission_lines where approved_by = ${userId} and approved_at >= ${f} and approved_at < ${t})::int as approved,
                 (select count(*) from public.payouts p join public.payout_batches b on b.id = p.batch_id
                   where b.triggered_by = ${userId} and p.sent_at >= ${f} and p.sent_at < ${t})::int as sent`,
    );
    return { linesApproved: c?.approved ?? 0, payoutsSent: c?.sent ?? 0 };
  }
  return {};
}

function moveLine(m: WeekActivity["moves"][number]): string {
  const value = formatMoney(m.valueMinor, m.currency);
  if (m.won) return `- Closed won: **${m.customer}** (${value})`;
  if (m.lost) return `- Closed lost: ${m.customer} (${value})`;
  return `- ${m.customer}: ${m.from ?? "new"} → ${m.to} (${value})`;
}

/** The activity as Markdown lines, one per item, so they can be appended without duplicates. */
export function activityLines(a: WeekActivity): string[] {
  return [
    ...a.moves.map(moveLine),
    ...a.tasksCompleted.map((task) => `- Completed: ${task.title}`),
    ...a.interactions.map((i) => `- ${i.kind.toUpperCase()} with ${i.partner}: ${i.summary}`),
  ];
}

/** The draft a person starts the week with: what they did, and their open tasks as next week's plan. */
export function prefillDraft(a: WeekActivity): {
  accomplishments: string;
  plans: string;
  kpis: Record<string, number>;
} {
  const accomplishments = activityLines(a).join("\n");
  const plans = a.openTasks
    .map((task) => `- ${task.title}${task.dueDate ? ` (due ${task.dueDate})` : ""}`)
    .join("\n");
  return { accomplishments, plans, kpis: a.kpis };
}
