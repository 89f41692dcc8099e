/** Postgres enums shared by the tables of every domain. */
import { pgEnum } from "drizzle-orm/pg-core";
import { APP_ROLES, PARTNER_DOMAINS } from "@/lib/domain/enums";

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

export const taskPriority = pgEnum("task_priority", ["low", "medium", "high", "urgent"]);

export const taskCategory = pgEnum("task_category", ["opportunity", "partner", "admin"]);
