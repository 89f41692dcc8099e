/** The template library: templates, fills, share links and usage. */
import { bigint, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

export const templates = pgTable("templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  category: text("category").notNull(),
  currentVersion: integer("current_version").notNull().default(1),
  createdBy: uuid("created_by"),
  archivedAt: ts("archived_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const templateVersions = pgTable("template_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  templateId: uuid("template_id").notNull(),
  version: integer("version").notNull(),
  source: text("source").notNull(),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const templateFills = pgTable("template_fills", {
  id: uuid("id").primaryKey().defaultRandom(),
  templateSlug: text("template_slug").notNull(),
  templateOrigin: text("template_origin").$type<"library" | "team">().notNull(),
  templateVersion: integer("template_version"),
  title: text("title").notNull(),
  partnerId: uuid("partner_id"),
  currentVersion: integer("current_version").notNull().default(1),
  createdBy: uuid("created_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const templateFillVersions = pgTable("template_fill_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  fillId: uuid("fill_id").notNull(),
  version: integer("version").notNull(),
  values: jsonb("values").$type<Record<string, string>>().notNull(),
  markdown: text("markdown").notNull(),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const templateShareLinks = pgTable("template_share_links", {
  id: uuid("id").primaryKey().defaultRandom(),
  fillId: uuid("fill_id").notNull(),
  token: text("token").notNull().unique(),
  expiresAt: ts("expires_at"),
  revokedAt: ts("revoked_at"),
  createdBy: uuid("created_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const templateShareAccesses = pgTable("template_share_accesses", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  shareLinkId: uuid("share_link_id").notNull(),
  outcome: text("outcome").$type<"opened" | "revoked" | "expired">().notNull(),
  ipHash: text("ip_hash"),
  userAgent: text("user_agent"),
  accessedAt: ts("accessed_at").notNull().defaultNow(),
});

export const templateUsageEvents = pgTable("template_usage_events", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  templateSlug: text("template_slug").notNull(),
  kind: text("kind").$type<"view" | "fill" | "export_pdf" | "export_docx" | "share" | "bundle">().notNull(),
  userId: uuid("user_id"),
  createdAt: ts("created_at").notNull().defaultNow(),
});
