/** The partner portal: applications, documents, payout and tax details, links, referrals, registrations, tiers and badges. */
import { bigint, boolean, char, date, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { applicationStatus, experienceLevel, payoutMethodKind, programDocumentKind, referralStatus, registrationStatus, taxForm } from "./enums";
import { money, ts } from "./columns";

export const partnerApplications = pgTable("partner_applications", {
  id: uuid("id").primaryKey().defaultRandom(),
  company: text("company").notNull(),
  website: text("website"),
  industry: text("industry").notNull(),
  experience: experienceLevel("experience").notNull(),
  monthlyGoalMinor: money("monthly_goal_minor"),
  contactName: text("contact_name").notNull(),
  email: text("email").notNull(),
  phone: text("phone"),
  contactPreferences: text("contact_preferences").array().notNull().default([]),
  socialHandles: jsonb("social_handles").$type<Record<string, string>>().notNull().default({}),
  message: text("message"),
  status: applicationStatus("status").notNull().default("pending"),
  rejectionReason: text("rejection_reason"),
  reviewedBy: uuid("reviewed_by"),
  reviewedAt: ts("reviewed_at"),
  autoApproved: boolean("auto_approved").notNull().default(false),
  partnerId: uuid("partner_id"),
  invitationId: uuid("invitation_id"),
  source: text("source").$type<"program" | "signup">().notNull().default("program"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const programDocuments = pgTable("program_documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: programDocumentKind("kind").notNull(),
  version: integer("version").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  publishedAt: ts("published_at").notNull().defaultNow(),
});

export const partnerAcceptances = pgTable("partner_acceptances", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  profileId: uuid("profile_id").notNull(),
  documentId: uuid("document_id").notNull(),
  acceptedAt: ts("accepted_at").notNull().defaultNow(),
});

export const partnerPayoutMethods = pgTable("partner_payout_methods", {
  partnerId: uuid("partner_id").primaryKey(),
  kind: payoutMethodKind("kind").notNull(),
  stripeAccountId: text("stripe_account_id"),
  payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
  accountHolder: text("account_holder"),
  bankCountry: char("bank_country", { length: 2 }),
  accountLast4: text("account_last4"),
  accountCiphertext: text("account_ciphertext"),
  currency: char("currency", { length: 3 }).notNull().default("USD"),
  updatedBy: uuid("updated_by"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const partnerTaxDetails = pgTable("partner_tax_details", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  form: taxForm("form").notNull(),
  legalName: text("legal_name").notNull(),
  businessName: text("business_name"),
  taxClassification: text("tax_classification"),
  country: char("country", { length: 2 }).notNull(),
  address: text("address").notNull(),
  tinLast4: text("tin_last4").notNull(),
  tinCiphertext: text("tin_ciphertext").notNull(),
  signedName: text("signed_name").notNull(),
  submittedBy: uuid("submitted_by"),
  submittedAt: ts("submitted_at").notNull().defaultNow(),
});

export const landingPages = pgTable("landing_pages", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  isDefault: boolean("is_default").notNull().default(false),
  active: boolean("active").notNull().default(true),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const referralLinks = pgTable("referral_links", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  code: text("code").notNull().unique(),
  landingPageId: uuid("landing_page_id").notNull(),
  campaign: text("campaign"),
  isDefault: boolean("is_default").notNull().default(false),
  archivedAt: ts("archived_at"),
  createdBy: uuid("created_by"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const referralClicks = pgTable("referral_clicks", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  linkId: uuid("link_id").notNull(),
  partnerId: uuid("partner_id").notNull(),
  clickedAt: ts("clicked_at").notNull(),
  visitorHash: text("visitor_hash").notNull(),
  hourBucket: ts("hour_bucket").notNull(),
  ipHash: text("ip_hash").notNull(),
  userAgent: text("user_agent"),
  referrer: text("referrer"),
  isBot: boolean("is_bot").notNull().default(false),
});

export const referrals = pgTable("referrals", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  linkId: uuid("link_id"),
  attributedBy: text("attributed_by").$type<"cookie" | "code">().notNull(),
  source: text("source").$type<"landing_form" | "api">().notNull(),
  name: text("name").notNull(),
  email: text("email").notNull(),
  company: text("company").notNull(),
  phone: text("phone"),
  message: text("message"),
  status: referralStatus("status").notNull().default("new"),
  selfReferral: boolean("self_referral").notNull().default(false),
  opportunityId: uuid("opportunity_id"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const dealRegistrations = pgTable("deal_registrations", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  submittedBy: uuid("submitted_by"),
  customerName: text("customer_name").notNull(),
  customerDomain: text("customer_domain").notNull(),
  contactName: text("contact_name").notNull(),
  contactEmail: text("contact_email").notNull(),
  estimatedValueMinor: money("estimated_value_minor").notNull(),
  currency: char("currency", { length: 3 }).notNull().default("USD"),
  notes: text("notes"),
  status: registrationStatus("status").notNull().default("pending"),
  selfReferral: boolean("self_referral").notNull().default(false),
  rejectionReason: text("rejection_reason"),
  reviewedBy: uuid("reviewed_by"),
  reviewedAt: ts("reviewed_at"),
  protectedUntil: date("protected_until", { mode: "string" }),
  opportunityId: uuid("opportunity_id"),
  referralId: uuid("referral_id"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const tierHistory = pgTable("tier_history", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  fromTierId: uuid("from_tier_id"),
  toTierId: uuid("to_tier_id").notNull(),
  reason: text("reason").notNull(),
  metrics: jsonb("metrics").$type<Record<string, unknown>>().notNull().default({}),
  changedAt: ts("changed_at").notNull().defaultNow(),
});

export const partnerAchievements = pgTable("partner_achievements", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: uuid("partner_id").notNull(),
  key: text("key").notNull(),
  earnedAt: ts("earned_at").notNull().defaultNow(),
  details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
});

export const partnerXpEvents = pgTable("partner_xp_events", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  partnerId: uuid("partner_id").notNull(),
  kind: text("kind").notNull(),
  xp: integer("xp").notNull(),
  sourceId: text("source_id").notNull(),
  occurredAt: ts("occurred_at").notNull().defaultNow(),
});
