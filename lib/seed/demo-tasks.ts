import { sql } from "drizzle-orm";
import type { Tx } from "../db/connection";
import { rows } from "../db/rows";
import * as schema from "../db/schema";
import { addDays, weekStartOf } from "../tasks/week";
import type { StaffKey } from "./demo-data";

type Priority = "low" | "medium" | "high" | "urgent";
type Category = "opportunity" | "partner" | "admin";

/** when: "this" or "last" week; day: offset from that Monday for the due date; state: how the week went. */
interface Spec {
  who: StaffKey;
  title: string;
  priority: Priority;
  category: Category;
  when: "this" | "last";
  day: number | null;
  state: "open" | "done" | "rolled";
  by?: StaffKey;
}

const t = (
  who: StaffKey,
  when: Spec["when"],
  state: Spec["state"],
  priority: Priority,
  category: Category,
  day: number | null,
  title: string,
  by?: StaffKey,
): Spec => ({
  who,
  when,
  state,
  priority,
  category,
  day,
  title,
  by,
});

const SPECS: Spec[] = [
  t("sales1", "last", "done", "high", "opportunity", 1, "Send the revised pricing to {deal}"),
  t("sales1", "last", "done", "medium", "opportunity", 3, "Book the technical deep-dive for {deal}"),
  t("sales1", "last", "rolled", "high", "opportunity", 4, "Chase the signed order form from {deal}"),
  t("sales1", "this", "open", "urgent", "opportunity", 0, "Confirm the procurement contact at {deal}", "vp"),
  t("sales1", "this", "open", "medium", "admin", 4, "Update the FinOps forecast notes"),
  t("sales1", "this", "done", "medium", "opportunity", 1, "Share the ROI model with {deal}"),
  t("sales2", "last", "done", "high", "opportunity", 2, "Run the security questionnaire with {deal}"),
  t(
    "sales2",
    "last",
    "rolled",
    "medium",
    "opportunity",
    3,
    "Get the champion's sign-off on the POC plan for {deal}",
  ),
  t("sales2", "this", "open", "high", "opportunity", 2, "Prepare the mutual action plan for {deal}"),
  t("sales2", "this", "open", "low", "admin", 4, "Tidy up the DevOps deal notes before the QBR"),
  t("sales3", "last", "done", "medium", "opportunity", 1, "Demo the dashboards to {deal}"),
  t("sales3", "last", "rolled", "urgent", "opportunity", 2, "Escalate the legal redlines for {deal}"),
  t("sales3", "this", "open", "high", "opportunity", 3, "Align with the vendor SE on {deal}"),
  t("sales3", "this", "done", "medium", "admin", 0, "Log last week's calls in the CRM"),
  t("pm1", "last", "done", "high", "partner", 2, "Hold the quarterly business review with {partner}"),
  t("pm1", "last", "rolled", "medium", "partner", 4, "Send the co-marketing plan to {partner}"),
  t("pm1", "this", "open", "high", "partner", 1, "Renew the referral agreement with {partner}", "vp"),
  t("pm1", "this", "open", "medium", "partner", 3, "Review the enablement deck with {partner}"),
  t("pm2", "last", "done", "medium", "partner", 1, "Onboard the new partner admin at {partner}"),
  t("pm2", "this", "open", "high", "partner", 2, "Follow up on the stalled registrations from {partner}"),
  t("pm2", "this", "open", "low", "admin", null, "Refresh the partner program FAQ"),
  t("finance", "last", "done", "high", "admin", 2, "Approve last month's referral commissions"),
  t("finance", "this", "open", "high", "admin", 3, "Reconcile the vendor payments received this month"),
  t("vp", "this", "open", "high", "admin", 4, "Prepare the weekly pipeline review agenda"),
  t("vp", "last", "rolled", "medium", "admin", 2, "Draft the H1 partner tier changes"),
];

export const POC_CHECKLIST: { title: string; priority: Priority; dueInDays: number }[] = [
  { title: "Agree the POC success criteria with the customer", priority: "high", dueInDays: 2 },
  { title: "Provision the POC environment with the vendor's SE", priority: "high", dueInDays: 3 },
  { title: "Hold the mid-POC check-in", priority: "medium", dueInDays: 7 },
  { title: "Collect the POC results and the technical sign-off", priority: "high", dueInDays: 14 },
];

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

async function linkTargets(tx: Tx) {
  const deals = await rows<{ id: string; name: string; owner_id: string }>(
    tx,
    sql`select o.id, o.customer_name as name, o.owner_id from public.opportunities o join public.stages s on s.id = o.stage_id
      where not s.is_won and not s.is_lost order by o.value_minor desc, o.id`,
  );
  const partnerRows = await rows<{ id: string; name: string; owner_id: string | null }>(
    tx,
    sql`select id, name, owner_id from public.partners where status = 'active' order by name`,
  );
  return { deals, partners: partnerRows };
}

interface SeedContext {
  ids: Record<StaffKey, string>;
  now: Date;
  thisWeek: string;
  lastWeek: string;
}

type TaskValues = typeof schema.tasks.$inferInsert;
type EventValues = Omit<typeof schema.taskEvents.$inferInsert, "taskId">;

/** One spec → the task row and its history, as the app would have written them over the two weeks. */
function buildTask(
  spec: Spec,
  link: { deal?: { id: string; name: string }; partner?: { id: string; name: string } },
  ctx: SeedContext,
) {
  const week = spec.when === "this" ? ctx.thisWeek : ctx.lastWeek;
  const createdAt = new Date(Math.min(at(week, 8).getTime(), ctx.now.getTime()));
  const creator = ctx.ids[spec.by ?? spec.who];
  const doneAt = at(addDays(week, Math.max(spec.day ?? 0, 0)), 16);
  const completedAt = spec.state === "done" ? new Date(Math.min(doneAt.getTime(), ctx.now.getTime())) : null;
  const task: TaskValues = {
    title: spec.title
      .replace("{deal}", link.deal?.name ?? "the customer")
      .replace("{partner}", link.partner?.name ?? "the partner"),
    priority: spec.priority,
    category: spec.category,
    opportunityId: link.deal?.id ?? null,
    partnerId: link.partner?.id ?? null,
    assigneeId: ctx.ids[spec.who],
    createdBy: creator,
    delegatedBy: spec.by ? creator : null,
    dueDate: spec.day === null ? null : addDays(week, spec.day),
    weekStart: spec.state === "rolled" ? ctx.thisWeek : week,
    rolloverCount: spec.state === "rolled" ? 1 : 0,
    completedAt,
    createdAt,
    updatedAt: completedAt ?? createdAt,
  };
  const events: EventValues[] = [{ kind: "created", actorId: creator, createdAt, detail: {} }];
  if (spec.by)
    events.push({ kind: "delegated", actorId: creator, createdAt, detail: { to: ctx.ids[spec.who] } });
  if (completedAt)
    events.push({ kind: "completed", actorId: ctx.ids[spec.who], createdAt: completedAt, detail: {} });
  if (spec.state === "rolled") {
    const detail = { from: ctx.lastWeek, to: ctx.thisWeek, weeks: 1 };
    events.push({ kind: "rolled_over", actorId: null, createdAt: at(ctx.thisWeek, 0), detail });
  }
  return { task, events };
}

/**
 * The demo team's tasks for this week and last: some done, some overdue, some rolled over from last week
 * (with their history), a couple delegated by the VP, and the POC checklist template for the 'poc' stage.
 */
export async function seedTasks(
  tx: Tx,
  ids: Record<StaffKey, string>,
  now: Date,
): Promise<{ tasks: number; templates: number }> {
  const thisWeek = weekStartOf(now);
  const ctx: SeedContext = { ids, now, thisWeek, lastWeek: addDays(thisWeek, -7) };
  const { deals, partners } = await linkTargets(tx);
  const used = new Map<StaffKey, number>();
  for (const spec of SPECS) {
    const n = used.get(spec.who) ?? 0;
    used.set(spec.who, n + 1);
    // Each person's tasks point at their own deals and partners, cycling when they have few.
    const pick = <T extends { owner_id: string | null }>(list: T[]) => {
      const mine = list.filter((x) => x.owner_id === ids[spec.who]);
      const pool = mine.length ? mine : list;
      return pool.length ? pool[n % pool.length] : undefined;
    };
    const link = {
      deal: spec.category === "opportunity" ? pick(deals) : undefined,
      partner: spec.category === "partner" ? pick(partners) : undefined,
    };
    const { task, events } = buildTask(spec, link, ctx);
    const [row] = await tx.insert(schema.tasks).values(task).returning({ id: schema.tasks.id });
    await tx.insert(schema.taskEvents).values(events.map((e) => ({ ...e, taskId: row!.id })));
  }
  const [poc] = await tx
    .select({ id: schema.stages.id })
    .from(schema.stages)
    .where(sql`${schema.stages.key} = 'poc'`);
  if (poc) {
    await tx
      .insert(schema.taskTemplates)
      .values(POC_CHECKLIST.map((item, position) => ({ stageId: poc.id, ...item, position })));
  }
  return { tasks: SPECS.length, templates: poc ? POC_CHECKLIST.length : 0 };
}
