/** Commission agreements and their versions. */
import { char, date, integer, jsonb, numeric, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { agreementDirection, agreementModel, agreementStatus, commissionBasis, paymentModel } from "./enums";
import { ts } from "./columns";

export const agreements = pgTable("agreements", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  direction: agreementDirection("direction").notNull(),
  model: agreementModel("model").notNull(),
  name: text("name").notNull(),
  status: agreementStatus("status").notNull().default("draft"),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const agreementVersions = pgTable("agreement_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  agreementId: uuid("agreement_id").notNull(),
  version: integer("version").notNull(),
  effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
  effectiveTo: date("effective_to", { mode: "string" }),
  rate: numeric("rate", { precision: 7, scale: 4 }).notNull(),
  basis: commissionBasis("basis").notNull().default("deal_value"),
  paymentModel: paymentModel("payment_model").notNull().default("one_time"),
  currency: char("currency", { length: 3 }).notNull().default("USD"),
  terms: jsonb("terms").$type<Record<string, unknown>>().notNull().default({}),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
});
