/** Alert rules, alerts, preferences and partner health. */
import { boolean, date, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

export const alertRules = pgTable("alert_rules", {
  key: text("key").primaryKey(),
  enabled: boolean("enabled").notNull().default(true),
  thresholds: jsonb("thresholds").$type<Record<string, unknown>>().notNull().default({}),
  priority: text("priority").$type<"low" | "medium" | "high" | "critical">().notNull().default("medium"),
  updatedBy: uuid("updated_by"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const alerts = pgTable("alerts", {
  id: uuid("id").primaryKey().defaultRandom(),
  ruleKey: text("rule_key").notNull(),
  userId: uuid("user_id").notNull(),
  dedupeKey: text("dedupe_key").notNull(),
  priority: text("priority").$type<"low" | "medium" | "high" | "critical">().notNull(),
  category: text("category").$type<"pipeline" | "relationship" | "goals" | "tasks" | "commissions">().notNull(),
  title: text("title").notNull(),
  body: text("body"),
  link: text("link"),
  recommendedAction: text("recommended_action"),
  entityType: text("entity_type"),
  entityId: uuid("entity_id"),
  status: text("status").$type<"open" | "acknowledged" | "snoozed" | "dismissed" | "resolved">().notNull().default("open"),
  snoozedUntil: ts("snoozed_until"),
  acknowledgedAt: ts("acknowledged_at"),
  dismissedAt: ts("dismissed_at"),
  emailedAt: ts("emailed_at"),
  resolvedAt: ts("resolved_at"),
  resolution: text("resolution"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const alertPreferences = pgTable("alert_preferences", {
  userId: uuid("user_id").primaryKey(),
  digestEnabled: boolean("digest_enabled").notNull().default(false),
  maxPerDay: integer("max_per_day").notNull().default(20),
  mutedRules: text("muted_rules").array().notNull().default([]),
  lastDigestAt: ts("last_digest_at"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const healthWeights = pgTable("health_weights", {
  id: boolean("id").primaryKey().default(true),
  recency: integer("recency").notNull().default(30),
  frequency: integer("frequency").notNull().default(20),
  pipeline: integer("pipeline").notNull().default(20),
  revenueTrend: integer("revenue_trend").notNull().default(20),
  openIssues: integer("open_issues").notNull().default(10),
  updatedBy: uuid("updated_by"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const partnerHealthSnapshots = pgTable("partner_health_snapshots", {
  partnerId: uuid("partner_id").notNull(),
  takenOn: date("taken_on", { mode: "string" }).notNull(),
  score: integer("score").notNull(),
  breakdown: jsonb("breakdown").$type<Record<string, unknown>>().notNull(),
});
