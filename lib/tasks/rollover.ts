import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { withSystem } from "@/lib/db/session";
import { weekStartOf } from "./week";

export interface RolloverResult {
  weekStart: string;
  moved: number;
}

/**
 * Moves every unfinished task of an earlier week into the week containing `now`, in one statement.
 * The rollover count grows by the number of week boundaries crossed (a task two weeks stale counts 2,
 * as if the job had run every week), and each move leaves one 'rolled_over' event with from/to/weeks.
 * Completed tasks never move; a second run in the same week finds nothing to move.
 */
export async function rollOverTasks(tx: Tx, now: Date): Promise<RolloverResult> {
  const weekStart = weekStartOf(now);
  // Two schedulers firing together would otherwise both read the same stale rows.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('tasks.rollover', 0))`);
  const [result] = await rows<{ moved: number }>(
    tx,
    sql`with stale as (
        select t.id, t.week_start from public.tasks t
        where t.completed_at is null and t.week_start < ${weekStart}::date
        for update
      ), moved as (
        update public.tasks t
        set week_start = ${weekStart}::date,
            rollover_count = t.rollover_count + ((${weekStart}::date - s.week_start) / 7)
        from stale s where t.id = s.id
        returning t.id, s.week_start as from_week, (${weekStart}::date - s.week_start) / 7 as weeks
      ), history as (
        insert into public.task_events (task_id, kind, detail, actor_id)
        select m.id, 'rolled_over', jsonb_build_object('from', m.from_week, 'to', ${weekStart}::date, 'weeks', m.weeks), null
        from moved m
        returning task_id
      )
      select count(*)::int as moved from history`,
  );
  return { weekStart, moved: result?.moved ?? 0 };
}

/** The scheduled job: run it as often as you like, it only moves tasks once per week boundary. */
export async function runTaskRollover(now: Date = new Date()): Promise<RolloverResult> {
  return withSystem("tasks.rollover", (tx) => rollOverTasks(tx, now));
}
