import "server-only";
import Stripe from "stripe";

export function isStripeConfigured(): boolean {
  return Boolean(process.env.STRIPE_SECRET_KEY);
}

/** STRIPE_API_BASE points the SDK at another server (a local stand-in in tests); unset means Stripe itself. */
function apiTarget(): { host?: string; port?: number; protocol?: "http" | "https" } {
  const base = process.env.STRIPE_API_BASE;
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol };
}

/** Creates (or reuses) the partner's Express account and returns a one-time onboarding link to Stripe. */
export async function createConnectOnboardingLink(input: {
  existingAccountId: string | null;
  email: string;
  website: string | null;
  returnUrl: string;
  refreshUrl: string;
}): Promise<{ accountId: string; url: string }> {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("Stripe is not configured");
  const stripe = new Stripe(key, { ...apiTarget(), maxNetworkRetries: 1 });
  const accountId =
    input.existingAccountId ??
    (
      await stripe.accounts.create({
        type: "express",
        email: input.email,
        business_profile: input.website ? { url: input.website } : undefined,
        capabilities: { transfers: { requested: true } },
      })
    ).id;
  const link = await stripe.accountLinks.create({
    account: accountId,
    refresh_url: input.refreshUrl,
    return_url: input.returnUrl,
    type: "account_onboarding",
  });
  return { accountId, url: link.url };
}
