/** The workspace, its tiers, partners, people and invitations. */
import { boolean, char, integer, jsonb, numeric, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { appRole, interactionKind, partnerDomain, partnerKind, partnerMemberRole, partnerStatus, payoutCadence } from "./enums";
import { money, ts } from "./columns";

export const workspaceSettings = pgTable("workspace_settings", {
  id: boolean("id").primaryKey().default(true),
  companyName: text("company_name").notNull(),
  legalName: text("legal_name"),
  address: text("address"),
  currency: char("currency", { length: 3 }).notNull().default("USD"),
  quarterTargetMinor: money("quarter_target_minor").notNull().default(25000000),
  highValueThresholdMinor: money("high_value_threshold_minor").notNull().default(10000000),
  winNotifyThresholdMinor: money("win_notify_threshold_minor").notNull().default(5000000),
  stalledAfterDays: integer("stalled_after_days").notNull().default(14),
  brandColor: text("brand_color").notNull().default("#4f46e5"),
  signatoryName: text("signatory_name"),
  signatoryTitle: text("signatory_title"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  attributionWindowDays: integer("attribution_window_days").notNull().default(90),
  protectionWindowDays: integer("protection_window_days").notNull().default(90),
  autoApproveRule: jsonb("auto_approve_rule").$type<{ enabled: boolean; minExperience?: "new" | "some" | "experienced"; requireWebsite?: boolean }>().notNull().default({ enabled: false }),
  programHeadline: text("program_headline"),
  programDescription: text("program_description"),
  minimumPayoutMinor: money("minimum_payout_minor").notNull().default(5000),
  website: text("website"),
  contactEmail: text("contact_email"),
  logoBase64: text("logo_base64"),
  logoType: text("logo_type").$type<"image/png" | "image/jpeg">(),
});

export const tiers = pgTable("tiers", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  rank: integer("rank").notNull().unique(),
  commissionRate: numeric("commission_rate", { precision: 7, scale: 4 }).notNull(),
  payoutCadence: payoutCadence("payout_cadence").notNull(),
  minTrailingRevenueMinor: money("min_trailing_revenue_minor").notNull().default(0),
  minTrailingDeals: integer("min_trailing_deals").notNull().default(0),
  perks: jsonb("perks").$type<string[]>().notNull().default([]),
  color: text("color").notNull().default("#64748b"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  holdingDays: integer("holding_days").notNull().default(30),
});

export const partners = pgTable("partners", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  kind: partnerKind("kind").notNull(),
  domain: partnerDomain("domain"),
  status: partnerStatus("status").notNull().default("prospect"),
  tierId: uuid("tier_id"),
  website: text("website"),
  description: text("description"),
  healthScore: integer("health_score"),
  ownerId: uuid("owner_id"),
  primaryContactId: uuid("primary_contact_id"),
  joinedAt: ts("joined_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  industry: text("industry"),
  country: char("country", { length: 2 }),
  companySize: text("company_size"),
  onboardedAt: ts("onboarded_at"),
});

export const profiles = pgTable("profiles", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: appRole("role").notNull(),
  title: text("title"),
  partnerId: uuid("partner_id"),
  partnerMemberRole: partnerMemberRole("partner_member_role"),
  deactivatedAt: ts("deactivated_at"),
  phone: text("phone"),
  emailPreferences: jsonb("email_preferences").$type<Record<string, boolean>>().notNull().default({}),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const partnerContacts = pgTable("partner_contacts", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  name: text("name").notNull(),
  email: text("email"),
  phone: text("phone"),
  title: text("title"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const partnerInteractions = pgTable("partner_interactions", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  kind: interactionKind("kind").notNull(),
  occurredAt: ts("occurred_at").notNull().defaultNow(),
  summary: text("summary").notNull(),
  nextSteps: text("next_steps"),
  authorId: uuid("author_id"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  role: appRole("role").notNull(),
  partnerId: uuid("partner_id"),
  partnerMemberRole: partnerMemberRole("partner_member_role"),
  tokenHash: text("token_hash").notNull().unique(),
  invitedBy: uuid("invited_by"),
  expiresAt: ts("expires_at").notNull(),
  acceptedAt: ts("accepted_at"),
  revokedAt: ts("revoked_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
});
