import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import type { AppRole } from "@/lib/domain/enums";
import { rows } from "@/lib/db/session";
import type { Severity } from "./schemas";

export interface StatusRow {
  id: string;
  userId: string;
  weekStart: string;
  accomplishments: string;
  plans: string;
  kpis: Record<string, number | string>;
  status: "draft" | "submitted";
  submittedAt: Date | null;
  revision: number;
  updatedAt: Date;
}

export interface BlockerRow {
  id: string;
  statusId: string;
  userId: string;
  person: string;
  weekStart: string;
  description: string;
  severity: Severity;
  escalated: boolean;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: string | null;
  createdAt: Date;
}

export interface AttachmentRow {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

const STATUS_COLUMNS = sql`s.id, s.user_id as "userId", s.week_start::text as "weekStart", s.accomplishments, s.plans, s.kpis,
  s.status, s.submitted_at as "submittedAt", s.revision, s.updated_at as "updatedAt"`;

const BLOCKER_COLUMNS = sql`b.id, b.status_id as "statusId", b.user_id as "userId", p.display_name as person,
  s.week_start::text as "weekStart", b.description, b.severity, b.escalated, b.resolved_at as "resolvedAt",
  b.resolved_by as "resolvedBy", b.resolution, b.created_at as "createdAt"`;

/** Raw drivers return timestamps as strings on one engine and Dates on the other. */
const toDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const normStatus = (r: StatusRow): StatusRow => ({
  ...r,
  submittedAt: toDate(r.submittedAt),
  updatedAt: toDate(r.updatedAt)!,
});
const normBlocker = (r: BlockerRow): BlockerRow => ({
  ...r,
  resolvedAt: toDate(r.resolvedAt),
  createdAt: toDate(r.createdAt)!,
});

export async function getStatus(tx: Tx, userId: string, weekStart: string): Promise<StatusRow | null> {
  const [row] = await rows<StatusRow>(
    tx,
    sql`select ${STATUS_COLUMNS} from public.weekly_statuses s where s.user_id = ${userId} and s.week_start = ${weekStart}`,
  );
  return row ? normStatus(row) : null;
}

export async function listBlockersOfStatus(tx: Tx, statusId: string): Promise<BlockerRow[]> {
  const list = await rows<BlockerRow>(
    tx,
    sql`select ${BLOCKER_COLUMNS} from public.status_blockers b join public.weekly_statuses s on s.id = b.status_id
        join public.profiles p on p.id = b.user_id where b.status_id = ${statusId} order by b.created_at`,
  );
  return list.map(normBlocker);
}

export async function listAttachments(tx: Tx, statusId: string): Promise<AttachmentRow[]> {
  const list = await rows<AttachmentRow>(
    tx,
    sql`select id, file_name as "fileName", content_type as "contentType", size_bytes as "sizeBytes", created_at as "createdAt"
        from public.status_attachments where status_id = ${statusId} order by created_at`,
  );
  return list.map((a) => ({ ...a, createdAt: toDate(a.createdAt)! }));
}

/** The person's past statuses, newest first (read-only history). */
export async function listStatusHistory(
  tx: Tx,
  userId: string,
  beforeWeek: string,
  limit = 12,
): Promise<StatusRow[]> {
  const list = await rows<StatusRow>(
    tx,
    sql`select ${STATUS_COLUMNS} from public.weekly_statuses s where s.user_id = ${userId} and s.week_start < ${beforeWeek}
        order by s.week_start desc limit ${limit}`,
  );
  return list.map(normStatus);
}

export interface TeamStatusRow {
  userId: string;
  person: string;
  role: AppRole;
  weekStart: string;
  status: StatusRow | null;
  openBlockers: number;
}

/** Everyone on the team with their status for each of the weeks from `fromWeek` to `toWeek` (VP view). */
export async function listTeamStatuses(
  tx: Tx,
  params: { fromWeek: string; toWeek: string; userId?: string; role?: AppRole },
): Promise<TeamStatusRow[]> {
  const list = await rows<
    {
      userId: string;
      person: string;
      role: AppRole;
      weekStart: string;
      sid: string | null;
    } & Partial<StatusRow> & { openBlockers: number }
  >(
    tx,
    sql`select p.id as "userId", p.display_name as person, p.role, w.week::date::text as "weekStart", s.id as sid,
          s.accomplishments, s.plans, s.kpis, s.status, s.submitted_at as "submittedAt", s.revision, s.updated_at as "updatedAt",
          (select count(*) from public.status_blockers b where b.status_id = s.id and b.resolved_at is null)::int as "openBlockers"
        from public.profiles p
        cross join generate_series(${params.fromWeek}::date, ${params.toWeek}::date, interval '7 days') as w(week)
        left join public.weekly_statuses s on s.user_id = p.id and s.week_start = w.week::date
        where p.role <> 'partner' and p.deactivated_at is null
          and (${params.userId ?? null}::uuid is null or p.id = ${params.userId ?? null}::uuid)
          and (${params.role ?? null}::text is null or p.role::text = ${params.role ?? null}::text)
        order by w.week desc, p.role, p.display_name`,
  );
  return list.map((r) => ({
    userId: r.userId,
    person: r.person,
    role: r.role,
    weekStart: r.weekStart,
    openBlockers: r.openBlockers,
    status: r.sid
      ? normStatus({
          id: r.sid,
          userId: r.userId,
          weekStart: r.weekStart,
          accomplishments: r.accomplishments ?? "",
          plans: r.plans ?? "",
          kpis: r.kpis ?? {},
          status: r.status ?? "draft",
          submittedAt: r.submittedAt ?? null,
          revision: r.revision ?? 0,
          updatedAt: r.updatedAt ?? new Date(),
        })
      : null,
  }));
}

/** Blockers still open (escalated first, by severity), plus the ones resolved in the last `resolvedDays` days. */
export async function listTeamBlockers(
  tx: Tx,
  params: { resolvedDays?: number; userId?: string } = {},
): Promise<BlockerRow[]> {
  const days = params.resolvedDays ?? 28;
  const list = await rows<BlockerRow>(
    tx,
    sql`select ${BLOCKER_COLUMNS} from public.status_blockers b join public.weekly_statuses s on s.id = b.status_id
        join public.profiles p on p.id = b.user_id
        where (b.resolved_at is null or b.resolved_at > now() - make_interval(days => ${days}))
          and (${params.userId ?? null}::uuid is null or b.user_id = ${params.userId ?? null}::uuid)
        order by b.resolved_at is not null, b.escalated desc,
          array_position(array['critical','high','medium','low'], b.severity), b.created_at`,
  );
  return list.map(normBlocker);
}

export interface WorkloadRow {
  userId: string;
  person: string;
  role: AppRole;
  weekTasks: number;
  completed: number;
  open: number;
  overdue: number;
  rolledOver: number;
}

/** Tasks of the week per person: completion rate is completed / week tasks; workload is what is still open. */
export async function listWorkload(tx: Tx, weekStart: string, today: string): Promise<WorkloadRow[]> {
  return rows<WorkloadRow>(
    tx,
    sql`select p.id as "userId", p.display_name as person, p.role,
          count(t.id) filter (where t.week_start = ${weekStart}::date)::int as "weekTasks",
          count(t.id) filter (where t.week_start = ${weekStart}::date and t.completed_at is not null)::int as completed,
          count(t.id) filter (where t.completed_at is null)::int as open,
          count(t.id) filter (where t.completed_at is null and t.due_date < ${today}::date)::int as overdue,
          count(t.id) filter (where t.completed_at is null and t.rollover_count > 0)::int as "rolledOver"
        from public.profiles p left join public.tasks t on t.assignee_id = p.id
        where p.role <> 'partner' and p.deactivated_at is null
        group by p.id, p.display_name, p.role order by p.role, p.display_name`,
  );
}

export async function listTeammates(tx: Tx): Promise<{ id: string; name: string; role: AppRole }[]> {
  return rows(
    tx,
    sql`select id, display_name as name, role from public.profiles where role <> 'partner' and deactivated_at is null
        order by display_name`,
  );
}
