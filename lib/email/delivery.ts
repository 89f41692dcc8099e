import "server-only";
import { getConnection } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { localEmailAdapter, type EmailAdapter } from "./adapter";
import { createSendGridAdapter } from "./sendgrid";
import { deliverDueEmails } from "./worker";

export function emailAdapter(): EmailAdapter {
  const env = serverEnv();
  return env.SENDGRID_API_KEY
    ? createSendGridAdapter({ apiKey: env.SENDGRID_API_KEY, baseUrl: env.SENDGRID_BASE_URL })
    : localEmailAdapter;
}

export async function deliverOutbox() {
  return deliverDueEmails(await getConnection(), emailAdapter(), { from: serverEnv().EMAIL_FROM });
}
