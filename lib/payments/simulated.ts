import { createHash } from "node:crypto";
import type { PayoutsPort } from "./port";

/**
 * Without Stripe keys payouts are recorded as simulated transfers: clearly marked (mode 'simulated',
 * ids `sim_tr_…`), derived from the idempotency key so a retry yields the same id, and nothing is called.
 */
export const simulatedPayouts: PayoutsPort = {
  mode: "simulated",
  async createTransfer(request) {
    const digest = createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 24);
    return { ok: true, transferId: `sim_tr_${digest}` };
  },
};
