// POST /api/webhooks/stripe — Stripe Connect events (transfers, payouts, accounts), signature-checked and processed once.
import { NextResponse } from "next/server";
import { problem } from "@/lib/http/problem";
import { handleStripeWebhook } from "@/lib/payouts/webhooks";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const raw = await request.text();
  const result = await handleStripeWebhook(raw, request.headers.get("stripe-signature"));
  if (result.status !== 200) return problem(result.status, result.title, { detail: result.detail });
  return NextResponse.json({ received: true, duplicate: result.duplicate, outcome: result.outcome });
}
