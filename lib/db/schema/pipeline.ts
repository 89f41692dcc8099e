/** Stages, opportunities and what the pipeline keeps around them. */
import { boolean, char, date, integer, jsonb, numeric, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { partnerDomain } from "./enums";
import { money, ts } from "./columns";

export const stages = pgTable("stages", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  position: integer("position").notNull(),
  probability: integer("probability").notNull(),
  color: text("color").notNull().default("#64748b"),
  isWon: boolean("is_won").notNull().default(false),
  isLost: boolean("is_lost").notNull().default(false),
  requiredFields: text("required_fields").array().notNull().default([]),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const opportunities = pgTable("opportunities", {
  id: uuid("id").primaryKey().defaultRandom(),
  customerName: text("customer_name").notNull(),
  title: text("title"),
  contactName: text("contact_name"),
  contactEmail: text("contact_email"),
  technicalContactName: text("technical_contact_name"),
  technicalContactEmail: text("technical_contact_email"),
  valueMinor: money("value_minor").notNull(),
  currency: char("currency", { length: 3 }).notNull().default("USD"),
  stageId: uuid("stage_id").notNull(),
  position: numeric("position").notNull().default("0"),
  ownerId: uuid("owner_id").notNull(),
  isvPartnerId: uuid("isv_partner_id"),
  referringPartnerId: uuid("referring_partner_id"),
  domain: partnerDomain("domain"),
  probability: integer("probability"),
  expectedCloseDate: date("expected_close_date", { mode: "string" }),
  actualCloseDate: date("actual_close_date", { mode: "string" }),
  lossReason: text("loss_reason"),
  notes: text("notes"),
  stageEnteredAt: ts("stage_entered_at").notNull().defaultNow(),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const opportunityStageHistory = pgTable("opportunity_stage_history", {
  id: uuid("id").primaryKey().defaultRandom(),
  opportunityId: uuid("opportunity_id").notNull(),
  fromStageId: uuid("from_stage_id"),
  toStageId: uuid("to_stage_id").notNull(),
  movedBy: uuid("moved_by"),
  movedAt: ts("moved_at").notNull().defaultNow(),
  justification: text("justification"),
});

export const lossReasons = pgTable("loss_reasons", {
  id: uuid("id").primaryKey().defaultRandom(),
  label: text("label").notNull().unique(),
  position: integer("position").notNull().default(0),
  archivedAt: ts("archived_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const savedViews = pgTable("saved_views", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerId: uuid("owner_id").notNull(),
  name: text("name").notNull(),
  scope: text("scope").notNull().default("opportunities"),
  query: text("query").notNull().default(""),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const quarterlyGoals = pgTable("quarterly_goals", {
  id: uuid("id").primaryKey().defaultRandom(),
  year: integer("year").notNull(),
  quarter: integer("quarter").notNull(),
  domain: partnerDomain("domain"),
  ownerId: uuid("owner_id"),
  targetMinor: money("target_minor").notNull(),
  currency: char("currency", { length: 3 }).notNull().default("USD"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const pipelineAggregates = pgTable("pipeline_aggregates", {
  key: text("key").primaryKey(),
  computedAt: ts("computed_at").notNull().defaultNow(),
  payload: jsonb("payload").$type<unknown>().notNull(),
});

export const fxRates = pgTable("fx_rates", {
  rateDate: date("rate_date", { mode: "string" }).notNull(),
  base: char("base", { length: 3 }).notNull(),
  quote: char("quote", { length: 3 }).notNull(),
  rate: numeric("rate", { precision: 20, scale: 10 }).notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** Deals whose commissions, tiers, badges and alerts the "deals.after-change" job still has to follow. */
export const dealChangeQueue = pgTable("deal_change_queue", {
  id: uuid("id").primaryKey().defaultRandom(),
  opportunityId: uuid("opportunity_id").notNull().unique(),
  queuedAt: ts("queued_at").notNull().defaultNow(),
});
