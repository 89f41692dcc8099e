import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { QuickAdd } from "@/components/tasks/quick-add";
import { TaskList } from "@/components/tasks/task-list";
import { TaskSheet } from "@/components/tasks/task-sheet";
import { TaskToolbar } from "@/components/tasks/task-toolbar";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/connection";
import { withSession } from "@/lib/db/session";
import { parseTaskParams } from "@/lib/tasks/params";
import { getTaskOptions, getTaskOrThrow, listTasks, TaskNotFoundError } from "@/lib/tasks/queries";
import { isoDate, weekStartOf } from "@/lib/tasks/week";

export const metadata: Metadata = { title: "Tasks" };

async function loadDetail(tx: Tx, id: string | undefined) {
  if (!id) return { task: null, notFound: false };
  try {
    return { task: await getTaskOrThrow(tx, id), notFound: false };
  } catch (error) {
    if (error instanceof TaskNotFoundError) return { task: null, notFound: true };
    throw error;
  }
}

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(STAFF_ROLES);
  const now = new Date();
  const params = parseTaskParams(await searchParams, now);
  const today = isoDate(now);
  const currentWeek = weekStartOf(now);
  const data = await withSession({ claims: user.claims }, async (tx) => ({
    tasks: await listTasks(tx, { ...params, userId: user.id, weekStart: params.week, currentWeek, today }),
    options: await getTaskOptions(tx),
    ...(await loadDetail(tx, params.task)),
  }));
  return (
    <div className="grid gap-5">
      <PageHeader
        title="Tasks"
        description="Your week: quick-add, delegate, and finish. Anything left open rolls over to next week on Monday, with its history."
      />
      <TaskToolbar week={params.week} currentWeek={currentWeek} />
      {/* New tasks are the viewer's own and never land in a past week. */}
      {params.week >= currentWeek && params.scope === "mine" ? <QuickAdd week={params.week} /> : null}
      <TaskList
        tasks={data.tasks}
        today={today}
        filtered={Boolean(params.priority || params.category || params.status !== "all")}
        showAssignee={params.scope === "delegated"}
      />
      <TaskSheet task={data.task} notFound={data.notFound} options={data.options} />
    </div>
  );
}
