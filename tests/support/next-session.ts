import { vi } from "vitest";
import { signSession } from "@/lib/auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookie";

/**
 * Server actions and route handlers under test read their session from next/headers cookies: this module
 * mocks next/headers and next/cache for the importing test file and signs a chosen user in.
 */
const jar = vi.hoisted(() => new Map<string, string>());

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

/** Signs `user` in for the calls that follow; `null` signs out. */
export async function signInAs(user: { claims: Parameters<typeof signSession>[0] } | null): Promise<void> {
  jar.clear();
  if (user) jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}

/** Puts a raw session cookie value (e.g. one copied from a Set-Cookie header) in the jar; `null` empties it. */
export function setSessionCookie(value: string | null): void {
  jar.clear();
  if (value) jar.set(sessionCookieName(), value);
}
