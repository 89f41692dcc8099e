import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/lib/db/connection";
import { opportunities, partners, profiles, stages, taskEvents, tasks, taskTemplates } from "@/lib/db/schema";
import { formatMoney } from "@/lib/money";
import type { TaskCategory, TaskPriority, TaskStatusFilter } from "./schemas";

export interface TaskListParams {
  userId: string;
  scope: "mine" | "delegated";
  weekStart: string;
  currentWeek: string;
  today: string;
  priority?: TaskPriority;
  category?: TaskCategory;
  status: TaskStatusFilter;
}

export class TaskNotFoundError extends Error {
  constructor() {
    super("Task not found");
  }
}

const assignee = alias(profiles, "assignee");

function listConditions(p: TaskListParams): SQL[] {
  const where: SQL[] = [
    p.scope === "mine"
      ? eq(tasks.assigneeId, p.userId)
      : and(
          or(eq(tasks.createdBy, p.userId), eq(tasks.delegatedBy, p.userId)),
          ne(tasks.assigneeId, p.userId),
        )!,
  ];
  // Until the rollover job runs, last week's unfinished tasks already belong to this week.
  where.push(
    p.weekStart === p.currentWeek
      ? or(
          eq(tasks.weekStart, p.weekStart),
          and(isNull(tasks.completedAt), lt(tasks.weekStart, p.weekStart)),
        )!
      : eq(tasks.weekStart, p.weekStart),
  );
  if (p.priority) where.push(eq(tasks.priority, p.priority));
  if (p.category) where.push(eq(tasks.category, p.category));
  if (p.status === "open") where.push(isNull(tasks.completedAt));
  if (p.status === "done") where.push(isNotNull(tasks.completedAt));
  if (p.status === "overdue") where.push(isNull(tasks.completedAt), lt(tasks.dueDate, p.today));
  return where;
}

/** A person's tasks for one week (theirs, or the ones they handed to others), open first, most urgent first. */
export function listTasks(tx: Tx, p: TaskListParams) {
  return tx
    .select({
      id: tasks.id,
      title: tasks.title,
      priority: tasks.priority,
      category: tasks.category,
      dueDate: tasks.dueDate,
      weekStart: tasks.weekStart,
      rolloverCount: tasks.rolloverCount,
      completedAt: tasks.completedAt,
      createdBy: tasks.createdBy,
      assigneeId: tasks.assigneeId,
      assigneeName: assignee.displayName,
      opportunityId: tasks.opportunityId,
      opportunityName: opportunities.customerName,
      partnerId: tasks.partnerId,
      partnerName: partners.name,
    })
    .from(tasks)
    .innerJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(opportunities, eq(opportunities.id, tasks.opportunityId))
    .leftJoin(partners, eq(partners.id, tasks.partnerId))
    .where(and(...listConditions(p)))
    .orderBy(
      sql`${tasks.completedAt} is not null`,
      desc(tasks.priority),
      sql`${tasks.dueDate} asc nulls last`,
      asc(tasks.createdAt),
    )
    .limit(500);
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

const actor = alias(profiles, "actor");

/** One task with its links and full history, or TaskNotFoundError when it is missing or not visible. */
export async function getTaskOrThrow(tx: Tx, id: string) {
  const [task] = await tx
    .select({
      id: tasks.id,
      title: tasks.title,
      notes: tasks.notes,
      priority: tasks.priority,
      category: tasks.category,
      opportunityId: tasks.opportunityId,
      partnerId: tasks.partnerId,
      assigneeId: tasks.assigneeId,
      createdBy: tasks.createdBy,
      dueDate: tasks.dueDate,
      weekStart: tasks.weekStart,
      rolloverCount: tasks.rolloverCount,
      completedAt: tasks.completedAt,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .where(eq(tasks.id, id));
  if (!task) throw new TaskNotFoundError();
  const events = await tx
    .select({
      id: taskEvents.id,
      kind: taskEvents.kind,
      detail: taskEvents.detail,
      createdAt: taskEvents.createdAt,
      actorName: actor.displayName,
    })
    .from(taskEvents)
    .leftJoin(actor, eq(actor.id, taskEvents.actorId))
    .where(eq(taskEvents.taskId, id))
    .orderBy(asc(taskEvents.id));
  return { ...task, events };
}

export type TaskDetail = Awaited<ReturnType<typeof getTaskOrThrow>>;

const dealOwner = alias(profiles, "deal_owner");

/** The choices a task form offers: active teammates (never partner users), open deals and partners. */
export async function getTaskOptions(tx: Tx) {
  const teammates = await tx
    .select({ id: profiles.id, name: profiles.displayName })
    .from(profiles)
    .where(and(ne(profiles.role, "partner"), isNull(profiles.deactivatedAt)))
    .orderBy(asc(profiles.displayName));
  const openDeals = await tx
    .select({
      id: opportunities.id,
      customer: opportunities.customerName,
      title: opportunities.title,
      stage: stages.name,
      valueMinor: opportunities.valueMinor,
      currency: opportunities.currency,
      owner: dealOwner.displayName,
    })
    .from(opportunities)
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .leftJoin(dealOwner, eq(dealOwner.id, opportunities.ownerId))
    .where(and(eq(stages.isWon, false), eq(stages.isLost, false)))
    .orderBy(asc(opportunities.customerName), desc(opportunities.valueMinor))
    .limit(500);
  // Same-named deals are told apart by what a person recognises: title, stage, value and owner.
  const deals = openDeals.map((d) => ({
    id: d.id,
    name: [d.title ? `${d.customer} — ${d.title}` : d.customer, d.stage, formatMoney(d.valueMinor, d.currency), d.owner].filter(Boolean).join(" · "),
  }));
  const partnerList = await tx
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .orderBy(asc(partners.name))
    .limit(500);
  return { teammates, opportunities: deals, partners: partnerList };
}

export type TaskOptions = Awaited<ReturnType<typeof getTaskOptions>>;

/** Every stage with its checklist, in board order, for the VP's template editor. */
export async function listStageTemplates(tx: Tx) {
  const stageRows = await tx
    .select({ id: stages.id, name: stages.name, color: stages.color })
    .from(stages)
    .orderBy(asc(stages.position));
  const items = await tx
    .select({
      id: taskTemplates.id,
      stageId: taskTemplates.stageId,
      title: taskTemplates.title,
      priority: taskTemplates.priority,
      dueInDays: taskTemplates.dueInDays,
    })
    .from(taskTemplates)
    .orderBy(asc(taskTemplates.position), asc(taskTemplates.createdAt));
  return stageRows.map((s) => ({ ...s, templates: items.filter((i) => i.stageId === s.id) }));
}

export type StageTemplates = Awaited<ReturnType<typeof listStageTemplates>>[number];
