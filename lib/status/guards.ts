import "server-only";
import { ActionError } from "@/lib/actions/safe-action";
import type { StatusRow } from "./queries";
import { weekStartOf } from "./week";

export const CONFLICT_MESSAGE = "A newer version of this status was saved elsewhere. It has been reloaded.";

/** Only this week's status is writable; past weeks are history. */
export function assertCurrentWeek(weekStart: string, now: Date): void {
  if (weekStart !== weekStartOf(now)) {
    throw new ActionError(422, "Only this week's status can be changed; past weeks are read-only.", {
      weekStart: ["Only this week's status can be changed"],
    });
  }
}

/** A save that lost the revision race answers 409; the client reloads the newer text. */
export function savedOrConflict(row: StatusRow | null): StatusRow {
  if (!row) throw new ActionError(409, CONFLICT_MESSAGE);
  return row;
}
