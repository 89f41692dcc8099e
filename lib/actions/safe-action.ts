import "server-only";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/connection";
import type { AppRole } from "@/lib/domain/enums";
import { withSession, withSystem } from "@/lib/db/session";
import { fieldErrorsOf, type FieldErrors } from "@/lib/http/problem";
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/http/text";

export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; status: number; error: string; fieldErrors?: FieldErrors; rule?: string; field?: string };

export class ActionError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
  }
}

interface ActionDefinition<S extends z.ZodType, T> {
  roles: readonly AppRole[];
  schema: S;
  handler: (input: z.infer<S>, ctx: { tx: Tx; user: CurrentUser }) => Promise<T>;
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    const existing = out[key];
    // Repeated keys (checkbox groups) become arrays.
    out[key] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return out;
}

type InputCheck<T> = { ok: true; raw: T } | { ok: false; failure: ActionResult<never> };

/**
 * The raw input of an action, or the 422 it earns for text Postgres cannot store. An action is a public
 * POST endpoint, so its argument may be anything a client encodes; the zod schema judges the rest.
 */
export function actionInput(input: unknown): InputCheck<unknown> {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const unsafe = findUnsafeText(raw);
  if (unsafe) {
    return { ok: false, failure: { ok: false, status: 422, error: "Some fields need attention", fieldErrors: { [unsafe]: [UNSAFE_TEXT_MESSAGE] } } };
  }
  return { ok: true, raw };
}

/** As actionInput, for hand-written actions that read fields themselves: anything but an object is a 400. */
export function actionObject(input: unknown): InputCheck<Record<string, unknown>> {
  const checked = actionInput(input);
  if (!checked.ok) return checked;
  const raw = checked.raw;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || raw instanceof Blob) {
    return { ok: false, failure: { ok: false, status: 400, error: "Send the form's fields as a form or one object." } };
  }
  return { ok: true, raw: raw as Record<string, unknown> };
}

const PG_MESSAGES: Record<string, [number, string]> = {
  "42501": [403, "You do not have permission to do that"],
  "23505": [409, "That already exists"],
  "23503": [409, "A linked record is missing or still in use"],
  "23514": [422, "A value is out of the allowed range"],
  P0001: [422, ""],
};

function toFailure(error: unknown): ActionResult<never> {
  if (error instanceof ActionError) return { ok: false, status: error.status, error: error.message, fieldErrors: error.fieldErrors };
  const pg = findPgError(error);
  if (pg?.code === "P0001") {
    // Business rules raised by SQL functions carry the field in DETAIL and the rule in HINT.
    return { ok: false, status: 422, error: pg.message, rule: pg.hint, field: pg.detail };
  }
  if (pg && pg.code in PG_MESSAGES) {
    const [status, message] = PG_MESSAGES[pg.code]!;
    // Our own SQL functions raise 42501 with a sentence meant for people; Postgres's own wording is not.
    const ours = pg.code === "42501" && !/row-level security|permission denied/i.test(pg.message);
    return { ok: false, status, error: ours ? pg.message : message || pg.message };
  }
  console.error("[action] failed", error);
  return { ok: false, status: 500, error: "Something went wrong on our side. Nothing was changed." };
}

function findPgError(error: unknown): { code: string; message: string; detail?: string; hint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; detail?: unknown; hint?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        message: String(candidate.message ?? ""),
        detail: typeof candidate.detail === "string" ? candidate.detail : undefined,
        hint: typeof candidate.hint === "string" ? candidate.hint : undefined,
      };
    }
    current = candidate.cause;
  }
  return null;
}

/**
 * The one way to write a server action: session → role → strict zod input → handler in one RLS
 * transaction → typed result. Server actions are public endpoints, so each checks everything itself.
 */
export function defineAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>) {
  return async (input: FormData | z.input<S>): Promise<ActionResult<T>> => {
    const checked = await authorize(definition, input);
    if (!checked.ok) return checked.failure;
    try {
      const data = await withSession({ claims: checked.user.claims }, (tx) => definition.handler(checked.input, { tx, user: checked.user }));
      return { ok: true, data };
    } catch (error) {
      return toFailure(error);
    }
  };
}

type Checked<S extends z.ZodType> =
  | { ok: true; user: CurrentUser; input: z.infer<S> }
  | { ok: false; failure: ActionResult<never> };

async function authorize<S extends z.ZodType>(definition: { roles: readonly AppRole[]; schema: S }, input: unknown): Promise<Checked<S>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, failure: { ok: false, status: 401, error: "Your session has ended. Sign in again." } };
  if (!definition.roles.includes(user.role)) return { ok: false, failure: { ok: false, status: 403, error: "Your role cannot do this." } };
  const raw = actionInput(input);
  if (!raw.ok) return raw;
  const parsed = definition.schema.safeParse(raw.raw);
  if (!parsed.success) {
    return { ok: false, failure: { ok: false, status: 422, error: "Some fields need attention", fieldErrors: fieldErrorsOf(parsed.error) } };
  }
  return { ok: true, user, input: parsed.data };
}

interface JobActionDefinition<S extends z.ZodType, A, T> extends ActionDefinition<S, A> {
  /** The named system job (audited as its actor) that does the privileged part. */
  job: string;
  run: (sys: Tx, authorized: A, ctx: { user: CurrentUser }) => Promise<T>;
}

/**
 * An action whose privileged part is a named system job run after the user's transaction commits:
 * `handler` authorizes under RLS (and makes the user's own changes), then `run` does, as the job,
 * only what was authorized. The role never changes inside the user's transaction.
 */
export function defineJobAction<S extends z.ZodType, A, T>(definition: JobActionDefinition<S, A, T>) {
  return async (input: FormData | z.input<S>): Promise<ActionResult<T>> => {
    const checked = await authorize(definition, input);
    if (!checked.ok) return checked.failure;
    const { user } = checked;
    try {
      const authorized = await withSession({ claims: user.claims }, (tx) => definition.handler(checked.input, { tx, user }));
      const data = await withSystem(definition.job, (sys) => definition.run(sys, authorized, { user }), undefined, user.claims);
      return { ok: true, data };
    } catch (error) {
      return toFailure(error);
    }
  };
}
