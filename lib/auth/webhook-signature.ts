import { createHmac, timingSafeEqual } from "node:crypto";

/** Standard Webhooks (https://www.standardwebhooks.com), as Supabase's auth hooks sign them. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.replace(/^v1,/, "").replace(/^whsec_/, ""), "base64");
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac("sha256", keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

/** True when one of the `webhook-signature` entries signs this id, timestamp and raw body, within the tolerance. */
export function verifyWebhook(secret: string, headers: Headers, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signatures = headers.get("webhook-signature");
  if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, id, Number(timestamp), body));
  return signatures.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
