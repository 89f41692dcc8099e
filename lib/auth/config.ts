import { z } from "zod";

export type AuthConfig =
  | { provider: "local" }
  | { provider: "supabase"; url: string; publishableKey: string; serviceRoleKey: string; hookSecret: string | null };

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

const HOOK_SECRET = /^v1,whsec_[A-Za-z0-9+/=]{16,}$/;
const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/**
 * Which auth provider this instance runs, from its environment. A configuration that cannot work is refused with
 * the variable to fix, so a half-configured deployment never starts on a mix of both providers.
 */
export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const url = blank(env.NEXT_PUBLIC_SUPABASE_URL);
  const publishableKey = blank(env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY);
  const serviceRoleKey = blank(env.SUPABASE_SERVICE_ROLE_KEY);
  const hookSecret = blank(env.SUPABASE_AUTH_HOOK_SECRET);
  if (!url) {
    const stray = [
      publishableKey && "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY",
      serviceRoleKey && "SUPABASE_SERVICE_ROLE_KEY",
      hookSecret && "SUPABASE_AUTH_HOOK_SECRET",
    ].filter(Boolean);
    if (stray.length) {
      throw new ConfigurationError(
        `${stray.join(", ")} ${stray.length > 1 ? "are" : "is"} set but NEXT_PUBLIC_SUPABASE_URL is not: set the project URL to use Supabase, or unset ${stray.length > 1 ? "them" : "it"} to use the local adapters.`,
      );
    }
    return { provider: "local" };
  }
  if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
    throw new ConfigurationError(`NEXT_PUBLIC_SUPABASE_URL must be the project's http(s) URL, like https://<ref>.supabase.co (got "${url}").`);
  }
  if (!publishableKey) {
    throw new ConfigurationError(
      "NEXT_PUBLIC_SUPABASE_URL is set but NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is not: Supabase Auth needs the project's publishable (anon) key.",
    );
  }
  if (!serviceRoleKey) {
    throw new ConfigurationError(
      "NEXT_PUBLIC_SUPABASE_URL is set but SUPABASE_SERVICE_ROLE_KEY is not: invitations create accounts through Supabase's admin API, and attachments go to Supabase Storage, both with the service role key (server-side only).",
    );
  }
  if (hookSecret && !HOOK_SECRET.test(hookSecret)) {
    throw new ConfigurationError("SUPABASE_AUTH_HOOK_SECRET must be the Send Email Hook secret as Supabase shows it: v1,whsec_<base64>.");
  }
  return { provider: "supabase", url, publishableKey, serviceRoleKey, hookSecret: hookSecret ?? null };
}

let cached: AuthConfig | undefined;

/** The configuration read once per process. */
export function authConfig(): AuthConfig {
  cached ??= readAuthConfig();
  return cached;
}
