import { NextResponse } from "next/server";
import type { z } from "zod";
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from "./text";

export type FieldErrors = Record<string, string[]>;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldErrors;
}

/** An RFC 9457 problem response. */
export function problem(status: number, title: string, init: Omit<Problem, "status" | "title" | "type"> & { type?: string; headers?: HeadersInit } = {}) {
  const { headers, type, ...rest } = init;
  const body: Problem = { type: type ?? "about:blank", title, status, ...rest };
  return NextResponse.json(body, {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out[key] = [`"${key}" is not a field of this form`];
      continue;
    }
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationProblem(error: z.ZodError) {
  return problem(422, "Some fields need attention", { errors: fieldErrorsOf(error) });
}

/** Reads a JSON object body; null when the body is not a JSON object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A JSON object body, or the problem response it earns: 400 when it is not a JSON object, 422 with the
 * field when a string holds text Postgres cannot store (NUL, lone surrogates).
 */
export async function readJsonInput(request: Request): Promise<{ body: Record<string, unknown> } | { problem: NextResponse }> {
  const body = await readJsonObject(request);
  if (!body) return { problem: problem(400, "Send a JSON object", { detail: "The request body must be a JSON object." }) };
  const unsafe = findUnsafeText(body);
  if (unsafe) return { problem: problem(422, "Some fields need attention", { errors: { [unsafe]: [UNSAFE_TEXT_MESSAGE] } }) };
  return { body };
}

export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || request.headers.get("x-real-ip") || "unknown";
}
