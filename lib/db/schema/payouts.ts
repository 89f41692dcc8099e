/** Payout batches, payouts, the ledger and Stripe events. */
import { bigint, char, date, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { payoutBatchStatus, payoutMode, payoutStatus } from "./enums";
import { money, ts } from "./columns";

export const payoutBatches = pgTable("payout_batches", {
  id: uuid("id").primaryKey().defaultRandom(),
  periodStart: date("period_start", { mode: "string" }).notNull(),
  periodEnd: date("period_end", { mode: "string" }).notNull(),
  status: payoutBatchStatus("status").notNull().default("draft"),
  origin: text("origin").notNull().default("manual"),
  createdBy: uuid("created_by"),
  confirmedBy: uuid("confirmed_by"),
  confirmedAt: ts("confirmed_at"),
  triggeredBy: uuid("triggered_by"),
  triggeredAt: ts("triggered_at"),
  note: text("note"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const payouts = pgTable("payouts", {
  id: uuid("id").primaryKey().defaultRandom(),
  batchId: uuid("batch_id").notNull(),
  partnerId: uuid("partner_id").notNull(),
  currency: char("currency", { length: 3 }).notNull(),
  amountMinor: money("amount_minor").notNull(),
  status: payoutStatus("status").notNull().default("pending"),
  mode: payoutMode("mode"),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  keyGeneration: integer("key_generation").notNull().default(0),
  stripeAccountId: text("stripe_account_id"),
  stripeTransferId: text("stripe_transfer_id").unique(),
  externalReference: text("external_reference"),
  failureReason: text("failure_reason"),
  attempts: integer("attempts").notNull().default(0),
  processingStartedAt: ts("processing_started_at"),
  sentAt: ts("sent_at"),
  paidAt: ts("paid_at"),
  failedAt: ts("failed_at"),
  reversedAt: ts("reversed_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const payoutItems = pgTable("payout_items", {
  id: uuid("id").primaryKey().defaultRandom(),
  payoutId: uuid("payout_id").notNull(),
  commissionLineId: uuid("commission_line_id").notNull(),
  amountMinor: money("amount_minor").notNull(),
  releasedAt: ts("released_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const ledgerEntries = pgTable("ledger_entries", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  journalId: uuid("journal_id").notNull(),
  occurredAt: ts("occurred_at").notNull().defaultNow(),
  account: text("account").$type<"commission_expense" | "partner_payable" | "payouts_in_transit" | "cash">().notNull(),
  partnerId: uuid("partner_id").notNull(),
  currency: char("currency", { length: 3 }).notNull(),
  amountMinor: money("amount_minor").notNull(),
  kind: text("kind")
    .$type<"line_approved" | "clawback_approved" | "payout_sent" | "payout_settled" | "payout_failed" | "payout_reversed" | "payout_paid_externally">()
    .notNull(),
  commissionLineId: uuid("commission_line_id"),
  payoutId: uuid("payout_id"),
  reference: text("reference"),
  createdBy: uuid("created_by"),
});

export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  account: text("account"),
  createdAtStripe: ts("created_at_stripe").notNull(),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  receivedAt: ts("received_at").notNull().defaultNow(),
  processedAt: ts("processed_at"),
  outcome: text("outcome"),
});
