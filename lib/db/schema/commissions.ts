/** Commission lines, overrides, schedules and receipts. */
import { boolean, char, date, jsonb, numeric, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { agreementDirection, commissionKind, commissionStatus, overrideStatus } from "./enums";
import { money, ts } from "./columns";

export const commissionLines = pgTable("commission_lines", {
  id: uuid("id").primaryKey().defaultRandom(),
  lineKey: text("line_key").notNull().unique(),
  opportunityId: uuid("opportunity_id").notNull(),
  agreementId: uuid("agreement_id").notNull(),
  agreementVersionId: uuid("agreement_version_id").notNull(),
  partnerId: uuid("partner_id").notNull(),
  ownerId: uuid("owner_id"),
  direction: agreementDirection("direction").notNull(),
  kind: commissionKind("kind").notNull(),
  label: text("label").notNull(),
  amountMinor: money("amount_minor").notNull(),
  currency: char("currency", { length: 3 }).notNull(),
  dueDate: date("due_date", { mode: "string" }).notNull(),
  status: commissionStatus("status").notNull().default("forecast"),
  scheduleId: uuid("schedule_id").notNull(),
  clawbackOf: uuid("clawback_of"),
  approvedBy: uuid("approved_by"),
  approvedAt: ts("approved_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  rejectedReason: text("rejected_reason"),
  rejectedAt: ts("rejected_at"),
});

export const commissionOverrides = pgTable("commission_overrides", {
  id: uuid("id").primaryKey().defaultRandom(),
  opportunityId: uuid("opportunity_id").notNull(),
  agreementId: uuid("agreement_id").notNull(),
  rate: numeric("rate", { precision: 7, scale: 4 }).notNull(),
  reason: text("reason").notNull(),
  needsApproval: boolean("needs_approval").notNull(),
  status: overrideStatus("status").notNull(),
  requestedBy: uuid("requested_by"),
  decidedBy: uuid("decided_by"),
  decidedAt: ts("decided_at"),
  decisionNote: text("decision_note"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const commissionSchedules = pgTable("commission_schedules", {
  id: uuid("id").primaryKey().defaultRandom(),
  opportunityId: uuid("opportunity_id").notNull(),
  agreementId: uuid("agreement_id").notNull(),
  agreementVersionId: uuid("agreement_version_id").notNull(),
  partnerId: uuid("partner_id").notNull(),
  ownerId: uuid("owner_id"),
  direction: agreementDirection("direction").notNull(),
  periodStart: date("period_start", { mode: "string" }).notNull(),
  closeDate: date("close_date", { mode: "string" }).notNull(),
  basisMinor: money("basis_minor").notNull(),
  totalMinor: money("total_minor").notNull(),
  currency: char("currency", { length: 3 }).notNull(),
  effectiveRate: numeric("effective_rate", { precision: 9, scale: 4 }).notNull(),
  rateSource: text("rate_source").notNull(),
  overrideId: uuid("override_id"),
  trace: jsonb("trace").$type<unknown[]>().notNull(),
  signature: text("signature").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const commissionReceipts = pgTable("commission_receipts", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  receivedOn: date("received_on", { mode: "string" }).notNull(),
  amountMinor: money("amount_minor").notNull(),
  currency: char("currency", { length: 3 }).notNull(),
  reference: text("reference").notNull(),
  note: text("note"),
  opportunityId: uuid("opportunity_id"),
  recordedBy: uuid("recorded_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
});
