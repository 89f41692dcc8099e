import "server-only";
import type { Tx } from "@/lib/db/connection";
import { taskEvents } from "@/lib/db/schema";

export type TaskEventKind = (typeof taskEvents.$inferInsert)["kind"];

export interface TaskEventInput {
  taskId: string;
  kind: TaskEventKind;
  detail?: Record<string, unknown>;
}

/** Appends history rows for tasks the actor can see; RLS refuses events on anyone else's task. */
export async function recordTaskEvents(
  tx: Tx,
  actorId: string | null,
  events: TaskEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insert(taskEvents)
    .values(events.map((e) => ({ taskId: e.taskId, kind: e.kind, detail: e.detail ?? {}, actorId })));
}
