import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { weeklyStatuses } from "@/lib/db/schema";
import { getStatus, type StatusRow } from "./queries";
import type { StatusInput } from "./schemas";

/** The person's row for the week, created empty (revision 0) when blockers or files arrive before any text. */
export async function ensureStatus(tx: Tx, userId: string, weekStart: string): Promise<StatusRow> {
  await tx
    .insert(weeklyStatuses)
    .values({ userId, weekStart })
    .onConflictDoNothing({
      target: [weeklyStatuses.userId, weeklyStatuses.weekStart],
    });
  const row = await getStatus(tx, userId, weekStart);
  // Unreachable under RLS: the insert above is refused before a row could be invisible.
  if (!row) throw new Error("weekly status not visible after insert");
  return row;
}

/**
 * Optimistic save: the write only lands when the row is still at the revision the client started from,
 * so an autosave from a stale tab changes nothing. Returns null on such a revision conflict.
 */
export async function saveStatus(
  tx: Tx,
  userId: string,
  input: StatusInput,
  options: { submit?: boolean; now: Date },
): Promise<StatusRow | null> {
  const submittedAt = sql`coalesce(${weeklyStatuses.submittedAt}, ${options.now.toISOString()}::timestamptz)`;
  // One statement in the common case: the revision check and the write are the same UPDATE.
  const update = () =>
    tx
      .update(weeklyStatuses)
      .set({
        accomplishments: input.accomplishments,
        plans: input.plans,
        kpis: input.kpis,
        revision: sql`${weeklyStatuses.revision} + 1`,
        ...(options.submit ? { status: "submitted" as const, submittedAt } : {}),
      })
      .where(
        and(
          eq(weeklyStatuses.userId, userId),
          eq(weeklyStatuses.weekStart, input.weekStart),
          eq(weeklyStatuses.revision, input.baseRevision),
        ),
      )
      .returning(RETURNED);
  let [saved] = await update();
  if (!saved && input.baseRevision === 0) {
    // The first save of the week creates the row, then writes it like any other save.
    await ensureStatus(tx, userId, input.weekStart);
    [saved] = await update();
  }
  return saved ?? null;
}

const RETURNED = {
  id: weeklyStatuses.id,
  userId: weeklyStatuses.userId,
  weekStart: weeklyStatuses.weekStart,
  accomplishments: weeklyStatuses.accomplishments,
  plans: weeklyStatuses.plans,
  kpis: weeklyStatuses.kpis,
  status: weeklyStatuses.status,
  submittedAt: weeklyStatuses.submittedAt,
  revision: weeklyStatuses.revision,
  updatedAt: weeklyStatuses.updatedAt,
};
