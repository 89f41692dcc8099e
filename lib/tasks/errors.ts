import { ActionError } from "@/lib/actions/safe-action";

interface PgLike {
  code?: string;
  message?: string;
  hint?: string;
  detail?: string;
  constraint_name?: string;
  constraint?: string;
  cause?: unknown;
}

function pgErrorOf(error: unknown): PgLike | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const candidate = current as PgLike;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

const LINK_FIELDS: [RegExp, string, string][] = [
  [/opportunity/, "opportunityId", "That opportunity no longer exists"],
  [/partner/, "partnerId", "That partner no longer exists"],
  [/assignee/, "assigneeId", "That teammate no longer exists"],
];

/**
 * Turns the database's refusals of a task write into field errors: the assignee trigger (P0001, a
 * partner user or a deactivated person) and missing linked records. Anything else is rethrown as is.
 */
export function toTaskFieldError(error: unknown): unknown {
  const pg = pgErrorOf(error);
  if (pg?.code === "P0001" && pg.hint === "task_assignee_staff") {
    const message = pg.message ?? "Tasks can only be assigned to an active teammate";
    return new ActionError(422, message, { assigneeId: [message] });
  }
  if (pg?.code === "23503") {
    const constraint = pg.constraint_name ?? pg.constraint ?? pg.message ?? "";
    const match = LINK_FIELDS.find(([pattern]) => pattern.test(constraint));
    if (match) return new ActionError(422, match[2], { [match[1]]: [match[2]] });
  }
  return error;
}

/** Runs a task write, turning the database's refusals (partner assignee, missing link) into field errors. */
export async function guardTaskWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toTaskFieldError(error);
  }
}
