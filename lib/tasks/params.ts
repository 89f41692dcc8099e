import { z } from "zod";
import { TASK_CATEGORIES, TASK_PRIORITIES, TASK_STATUSES } from "./schemas";
import { weekStartOf } from "./week";

/** URL search params of the tasks page; anything malformed falls back rather than failing the page. */
const taskParamsSchema = z.object({
  week: z.iso.date().optional().catch(undefined),
  scope: z.enum(["mine", "delegated"]).catch("mine"),
  priority: z.enum(TASK_PRIORITIES).optional().catch(undefined),
  category: z.enum(TASK_CATEGORIES).optional().catch(undefined),
  status: z.enum(TASK_STATUSES).catch("all"),
  task: z.uuid().optional().catch(undefined),
});

export type TaskParams = Omit<z.infer<typeof taskParamsSchema>, "week"> & { week: string };

/** Any date in the URL snaps to its Monday; no date means the week containing `now`. */
export function parseTaskParams(
  search: Record<string, string | string[] | undefined>,
  now: Date,
): TaskParams {
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = taskParamsSchema.parse(flat);
  return { ...parsed, week: weekStartOf(parsed.week ?? now) };
}
