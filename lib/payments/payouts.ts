import "server-only";
import type { PayoutsPort } from "./port";
import { simulatedPayouts } from "./simulated";
import { stripePayouts } from "./stripe";

export function isStripePayoutsConfigured(): boolean {
  return Boolean(process.env.STRIPE_SECRET_KEY);
}

/** Stripe Connect when STRIPE_SECRET_KEY is set; otherwise the simulated adapter. */
export function getPayoutsPort(): PayoutsPort {
  const key = process.env.STRIPE_SECRET_KEY;
  return key ? stripePayouts(key) : simulatedPayouts;
}
