import {
  bigint,
  boolean,
  char,
  date,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { APP_ROLES, PARTNER_DOMAINS } from "@/lib/domain/enums";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const money = (name: string) => bigint(name, { mode: "number" });

export const appRole = pgEnum("app_role", APP_ROLES);
export const partnerKind = pgEnum("partner_kind", ["isv", "program", "isv_and_program"]);
export const partnerDomain = pgEnum("partner_domain", PARTNER_DOMAINS);
export const partnerStatus = pgEnum("partner_status", [
  "prospect",
  "applicant",
  "onboarding",
  "active",
  "inactive",
  "churned",
]);
export const partnerMemberRole = pgEnum("partner_member_role", ["admin", "member"]);
export const interactionKind = pgEnum("interaction_kind", ["meeting", "call", "email", "qbr", "event", "note"]);
export const agreementDirection = pgEnum("agreement_direction", ["receivable", "payable"]);
export const agreementModel = pgEnum("agreement_model", ["referral", "reseller", "msp", "custom"]);
export const agreementStatus = pgEnum("agreement_status", ["draft", "active", "ended"]);
export const commissionBasis = pgEnum("commission_basis", ["deal_value", "net_revenue"]);
export const paymentModel = pgEnum("payment_model", ["one_time", "recurring", "hybrid", "milestone"]);
export const payoutCadence = pgEnum("payout_cadence", ["monthly", "biweekly", "weekly", "realtime"]);
export const commissionStatus = pgEnum("commission_status", ["forecast", "earned", "approved", "paid", "clawed_back"]);
export const commissionKind = pgEnum("commission_kind", ["one_time", "upfront", "recurring", "milestone", "clawback"]);
export const overrideStatus = pgEnum("override_status", ["pending", "approved", "rejected", "withdrawn"]);
export const applicationStatus = pgEnum("application_status", ["pending", "approved", "rejected"]);
export const experienceLevel = pgEnum("experience_level", ["new", "some", "experienced"]);
export const registrationStatus = pgEnum("registration_status", ["pending", "approved", "rejected"]);
export const referralStatus = pgEnum("referral_status", ["new", "contacted", "qualified", "converted", "closed"]);
export const payoutMethodKind = pgEnum("payout_method_kind", ["stripe_connect", "bank_transfer"]);
export const taxForm = pgEnum("tax_form", ["w9", "w8ben"]);
export const programDocumentKind = pgEnum("program_document_kind", ["program_agreement", "commission_terms", "code_of_conduct"]);
export const payoutBatchStatus = pgEnum("payout_batch_status", ["draft", "confirmed", "processing", "completed", "cancelled"]);
export const payoutStatus = pgEnum("payout_status", ["pending", "processing", "sent", "paid", "failed", "reversed", "cancelled"]);
export const payoutMode = pgEnum("payout_mode", ["stripe", "simulated", "external"]);
export const emailStatus = pgEnum("email_status", ["pending", "sending", "sent", "failed"]);

export const workspaceSettings = pgTable("workspace_settings", {
  id: boolean("id").primaryKey().default(true),
  companyName: text("company_name").notNull(),
  legalName: text("legal_name"),
  address: text("address"),
  currency: char("currency", { length: 3 }).notNull().default("USD"),
  quarterTargetMinor: money("quarter_target_minor").notNull().default(25000000),
  highValueThresholdMinor: money("high_value_threshold_minor").notNull().default(10000000),
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

export const notifications = pgTable("notifications", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  kind: text("kind").notNull(),
  title: text("title").notNull(),
  body: text("body"),
  link: text("link"),
  readAt: ts("read_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const emailOutbox = pgTable("email_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  toEmail: text("to_email").notNull(),
  template: text("template").notNull(),
  subject: text("subject").notNull(),
  textBody: text("text_body").notNull(),
  htmlBody: text("html_body").notNull(),
  status: emailStatus("status").notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
  sentAt: ts("sent_at"),
  provider: text("provider"),
  providerMessageId: text("provider_message_id"),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const jobRuns = pgTable("job_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  job: text("job").notNull(),
  startedAt: ts("started_at").notNull().defaultNow(),
  finishedAt: ts("finished_at"),
  status: text("status").notNull().default("running"),
  detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
});

export const auditLog = pgTable("audit_log", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  occurredAt: ts("occurred_at").notNull().defaultNow(),
  actorId: uuid("actor_id"),
  actorLabel: text("actor_label"),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  before: jsonb("before"),
  after: jsonb("after"),
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

export const taskPriority = pgEnum("task_priority", ["low", "medium", "high", "urgent"]);
export const taskCategory = pgEnum("task_category", ["opportunity", "partner", "admin"]);

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
  status: text("status").$type<"open" | "acknowledged" | "snoozed" | "dismissed">().notNull().default("open"),
  snoozedUntil: ts("snoozed_until"),
  acknowledgedAt: ts("acknowledged_at"),
  dismissedAt: ts("dismissed_at"),
  emailedAt: ts("emailed_at"),
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

/** Deals whose commissions, tiers, badges and alerts the "deals.after-change" job still has to follow. */
export const dealChangeQueue = pgTable("deal_change_queue", {
  id: uuid("id").primaryKey().defaultRandom(),
  opportunityId: uuid("opportunity_id").notNull().unique(),
  queuedAt: ts("queued_at").notNull().defaultNow(),
});

// The types live with their values in lib/domain/enums.ts; re-exported for existing server imports.
export type { AppRole, PartnerDomain } from "@/lib/domain/enums";
