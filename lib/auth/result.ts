import type { FieldErrors } from "@/lib/http/problem";

/** A refused auth request: the HTTP status and the problem the route answers with. */
export type AuthFailure = {
  ok: false;
  status: number;
  title: string;
  detail?: string;
  errors?: FieldErrors;
  retryAfterSeconds?: number;
  code?: string;
};
export type AuthResult<T> = { ok: true; value: T } | AuthFailure;

export const fail = (status: number, title: string, extra: Omit<AuthFailure, "ok" | "status" | "title"> = {}): AuthFailure => ({
  ok: false,
  status,
  title,
  ...extra,
});

export const invalidInvitation = () =>
  fail(400, "This invitation has expired, was revoked or was already used", { errors: { token: ["Ask for a new invitation."] } });

export const expiredResetLink = () =>
  fail(400, "This reset link has expired or was already used", { errors: { token: ["Request a new reset link."] } });
