import { z } from "zod";

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z
    .string({ error: "SESSION_SECRET is required (32+ characters)" })
    .min(32, "SESSION_SECRET must be at least 32 characters"),
  CRON_SECRET: z.string().min(16).optional(),
  NEXT_PUBLIC_SUPABASE_URL: z.url().optional(),
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: z.string().optional(),
  SUPABASE_SERVICE_ROLE_KEY: z.string().optional(),
  SUPABASE_AUTH_HOOK_SECRET: z.string().optional(),
  SENDGRID_API_KEY: z.string().optional(),
  SENDGRID_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().default("PartnerOS <no-reply@partneros.local>"),
  DEV_MAILBOX: z.enum(["on", "off"]).optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** Validated server configuration; throws with the offending variable names when it is incomplete. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid server environment: ${detail}`);
  }
  cached = parsed.data;
  return cached;
}

export function isLocalEmail(): boolean {
  return !process.env.SENDGRID_API_KEY;
}

/** The dev mailbox exposes every email (reset links included): local email only, and never in production unless asked for. */
export function isDevMailboxEnabled(): boolean {
  if (!isLocalEmail()) return false;
  if (process.env.DEV_MAILBOX === "off") return false;
  return process.env.NODE_ENV !== "production" || process.env.DEV_MAILBOX === "on";
}

/** The public URL alone (metadata's absolute links), so rendering a page's head needs no other variable. */
export function appUrl(): URL {
  return new URL(serverEnvSchema.shape.APP_URL.parse(process.env.APP_URL));
}
