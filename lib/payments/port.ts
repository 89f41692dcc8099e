export type PayoutsMode = "stripe" | "simulated";

export interface TransferRequest {
  amountMinor: number;
  currency: string;
  destination: string | null;
  transferGroup: string;
  metadata: Record<string, string>;
  /** The payout's idempotency key: the same statement can never become a second transfer. */
  idempotencyKey: string;
}

export type TransferResult =
  { ok: true; transferId: string } | { ok: false; reason: string; code: string | null };

/** The one payouts interface; the rest of the code never knows which adapter is behind it. */
export interface PayoutsPort {
  mode: PayoutsMode;
  createTransfer(request: TransferRequest): Promise<TransferResult>;
}
