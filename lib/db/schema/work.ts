/** Weekly status, blockers, attachments and tasks. */
import { bigint, boolean, date, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { taskCategory, taskPriority } from "./enums";
import { ts } from "./columns";

export const weeklyStatuses = pgTable("weekly_statuses", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  weekStart: date("week_start", { mode: "string" }).notNull(),
  accomplishments: text("accomplishments").notNull().default(""),
  plans: text("plans").notNull().default(""),
  kpis: jsonb("kpis").$type<Record<string, number | string>>().notNull().default({}),
  status: text("status").$type<"draft" | "submitted">().notNull().default("draft"),
  submittedAt: ts("submitted_at"),
  revision: integer("revision").notNull().default(0),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const statusBlockers = pgTable("status_blockers", {
  id: uuid("id").primaryKey().defaultRandom(),
  statusId: uuid("status_id").notNull(),
  userId: uuid("user_id").notNull(),
  description: text("description").notNull(),
  severity: text("severity").$type<"low" | "medium" | "high" | "critical">().notNull().default("medium"),
  escalated: boolean("escalated").notNull().default(false),
  resolvedAt: ts("resolved_at"),
  resolvedBy: uuid("resolved_by"),
  resolution: text("resolution"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const statusAttachments = pgTable("status_attachments", {
  id: uuid("id").primaryKey().defaultRandom(),
  statusId: uuid("status_id").notNull(),
  userId: uuid("user_id").notNull(),
  fileName: text("file_name").notNull(),
  contentType: text("content_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  storageKey: text("storage_key").notNull().unique(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const tasks = pgTable("tasks", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  notes: text("notes"),
  priority: taskPriority("priority").notNull().default("medium"),
  category: taskCategory("category").notNull().default("admin"),
  opportunityId: uuid("opportunity_id"),
  partnerId: uuid("partner_id"),
  assigneeId: uuid("assignee_id").notNull(),
  createdBy: uuid("created_by").notNull(),
  delegatedBy: uuid("delegated_by"),
  dueDate: date("due_date", { mode: "string" }),
  weekStart: date("week_start", { mode: "string" }).notNull(),
  rolloverCount: integer("rollover_count").notNull().default(0),
  completedAt: ts("completed_at"),
  templateKey: text("template_key"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const taskEvents = pgTable("task_events", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  taskId: uuid("task_id").notNull(),
  kind: text("kind").$type<"created" | "edited" | "delegated" | "rescheduled" | "completed" | "reopened" | "rolled_over">().notNull(),
  detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  actorId: uuid("actor_id"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const taskTemplates = pgTable("task_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  stageId: uuid("stage_id").notNull(),
  title: text("title").notNull(),
  priority: taskPriority("priority").notNull().default("medium"),
  dueInDays: integer("due_in_days").notNull().default(7),
  position: integer("position").notNull().default(0),
  createdAt: ts("created_at").notNull().defaultNow(),
});
