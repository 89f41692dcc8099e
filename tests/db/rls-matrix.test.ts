import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rows } from "@/lib/db/session";
import { attempt, type Actor } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

type Role = "vp" | "sales_manager" | "partnership_manager" | "finance" | "partner" | "anon";
type Command = "select" | "insert" | "update" | "delete";
const ROLES: Role[] = ["vp", "sales_manager", "partnership_manager", "finance", "partner", "anon"];
const COMMANDS: Command[] = ["select", "insert", "update", "delete"];
const STAFF: Role[] = ["vp", "sales_manager", "partnership_manager", "finance"];

interface Ctx {
  users: Record<Exclude<Role, "anon">, f.TestUser>;
  otherSales: f.TestUser;
  partnerA: { id: string };
  partnerB: { id: string };
  stageId: string;
  tierId: string;
  ids: Record<string, string>;
}

interface TableCase {
  table: string;
  target: (c: Ctx) => string;
  insert: (c: Ctx, actorId: string | null) => SQL;
  set: SQL;
  allow: Record<Command, Role[]>;
}

const lit = (v: string | null) => (v === null ? sql`null` : sql`${v}`);

const CASES: TableCase[] = [
  {
    table: "workspace_settings",
    target: () => "true",
    insert: () => sql`insert into public.workspace_settings (id, company_name) values (true, 'X')`,
    set: sql`company_name = 'Renamed'`,
    allow: { select: STAFF, insert: [], update: ["vp"], delete: [] },
  },
  {
    table: "tiers",
    target: (c) => c.ids.spareTier!,
    insert: () => sql`insert into public.tiers (key, name, rank, commission_rate, payout_cadence) values ('zz_new', 'New', 999, 10, 'monthly')`,
    set: sql`name = 'Renamed'`,
    allow: { select: ["vp", "sales_manager", "partnership_manager", "finance", "partner"], insert: ["vp"], update: ["vp"], delete: ["vp"] },
  },
  {
    table: "tier_features",
    target: (c) => c.ids.tierFeature!,
    insert: (c) => sql`insert into public.tier_features (feature_key, category, label, unlock_tier_id) values ('training.forged', 'training', 'Forged', ${c.tierId})`,
    set: sql`label = 'Renamed'`,
    allow: { select: ["vp", "sales_manager", "partnership_manager", "finance", "partner"], insert: [], update: ["vp"], delete: [] },
  },
  {
    table: "training_courses",
    target: (c) => c.ids.trainingCourse!,
    insert: () => sql`insert into public.training_courses (slug, version, title, category, feature_key, pass_mark, max_attempts, content_digest) values ('forged', 1, 'Forged', 'sales', 'training.matrix', 50, 1, 'x')`,
    set: sql`title = 'Renamed'`,
    allow: { select: ["vp", "sales_manager", "partnership_manager", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "training_lessons",
    target: (c) => c.ids.trainingLesson!,
    insert: (c) => sql`insert into public.training_lessons (course_id, position, title, body_md) values (${c.ids.trainingCourse!}, 9, 'Forged', 'x')`,
    set: sql`title = 'Renamed'`,
    allow: { select: ["vp", "sales_manager", "partnership_manager", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "training_questions",
    target: (c) => c.ids.trainingQuestion!,
    insert: (c) => sql`insert into public.training_questions (course_id, position, prompt, kind, choices) values (${c.ids.trainingCourse!}, 9, 'Forged', 'single', '[{"id":"a","label":"A"},{"id":"b","label":"B"}]')`,
    set: sql`prompt = 'Renamed'`,
    allow: { select: ["vp", "sales_manager", "partnership_manager", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "training_paths",
    target: (c) => c.ids.trainingPath!,
    insert: () => sql`insert into public.training_paths (slug, title) values ('forged', 'Forged')`,
    set: sql`title = 'Renamed'`,
    allow: { select: ["vp", "sales_manager", "partnership_manager", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "training_path_courses",
    target: (c) => c.ids.trainingPathCourse!,
    insert: (c) => sql`insert into public.training_path_courses (path_id, course_slug, position) values (${c.ids.trainingPath!}, 'forged', 9)`,
    set: sql`position = 5`,
    allow: { select: ["vp", "sales_manager", "partnership_manager", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "training_enrollments",
    target: (c) => c.ids.trainingEnrollment!,
    insert: (c, actorId) => sql`insert into public.training_enrollments (profile_id, course_slug, course_id) values (${actorId ?? c.users.partner.id}, 'forged', ${c.ids.trainingCourse!})`,
    set: sql`passed_at = now()`,
    allow: { select: ["vp", "partnership_manager", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "training_lesson_progress",
    target: (c) => c.ids.trainingProgress!,
    insert: (c, actorId) => sql`insert into public.training_lesson_progress (enrollment_id, profile_id, lesson_id) values (${c.ids.trainingEnrollment!}, ${actorId ?? c.users.partner.id}, ${c.ids.trainingLesson2!})`,
    set: sql`completed_at = now()`,
    allow: { select: ["vp", "partnership_manager", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "training_attempts",
    target: (c) => c.ids.trainingAttempt!,
    insert: (c, actorId) => sql`insert into public.training_attempts (enrollment_id, profile_id, course_id, attempt_no, answers, score, passed, result) values (${c.ids.trainingEnrollment!}, ${actorId ?? c.users.partner.id}, ${c.ids.trainingCourse!}, 9, '{}', 100, true, '[]')`,
    set: sql`score = 100`,
    allow: { select: ["vp", "partnership_manager", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "partners",
    target: (c) => c.partnerB.id,
    insert: () => sql`insert into public.partners (name, slug, kind) values ('New Co', 'new-co-rls', 'program')`,
    set: sql`description = 'changed'`,
    allow: { select: STAFF, insert: ["vp", "partnership_manager"], update: ["vp", "partnership_manager"], delete: ["vp"] },
  },
  {
    table: "profiles",
    target: (c) => c.otherSales.id,
    insert: (_c, actorId) => sql`insert into public.profiles (id, email, display_name, role) values (${actorId ?? "00000000-0000-0000-0000-000000000000"}, 'dup@x.dev', 'Dup', 'vp')`,
    set: sql`title = 'Changed'`,
    allow: { select: STAFF, insert: [], update: ["vp"], delete: [] },
  },
  {
    table: "partner_contacts",
    target: (c) => c.ids.contactB!,
    insert: (c) => sql`insert into public.partner_contacts (partner_id, name) values (${c.partnerB.id}, 'New contact')`,
    set: sql`title = 'CTO'`,
    allow: { select: STAFF, insert: ["vp", "partnership_manager"], update: ["vp", "partnership_manager"], delete: ["vp", "partnership_manager"] },
  },
  {
    table: "partner_interactions",
    target: (c) => c.ids.interaction!,
    insert: (c, actorId) => sql`insert into public.partner_interactions (partner_id, kind, summary, author_id) values (${c.partnerB.id}, 'call', 'Logged', ${lit(actorId)})`,
    set: sql`summary = 'Edited'`,
    allow: { select: STAFF, insert: ["vp", "partnership_manager", "sales_manager"], update: ["vp", "partnership_manager"], delete: ["vp", "partnership_manager"] },
  },
  {
    table: "stages",
    target: (c) => c.ids.spareStage!,
    insert: () => sql`insert into public.stages (key, name, position, probability) values ('zz_stage', 'Z', 99, 5)`,
    set: sql`color = '#000000'`,
    allow: { select: STAFF, insert: ["vp"], update: ["vp"], delete: ["vp"] },
  },
  {
    table: "opportunities",
    target: (c) => c.ids.opportunity!,
    insert: (c, actorId) =>
      sql`insert into public.opportunities (customer_name, value_minor, currency, stage_id, owner_id) values ('Acme', 100, 'USD', ${c.stageId}, ${actorId ?? c.users.vp.id})`,
    set: sql`notes = 'Edited'`,
    allow: { select: STAFF, insert: ["vp", "sales_manager", "partnership_manager"], update: ["vp", "sales_manager"], delete: ["vp"] },
  },
  {
    table: "opportunity_stage_history",
    target: (c) => c.ids.history!,
    insert: (c, actorId) => sql`insert into public.opportunity_stage_history (opportunity_id, to_stage_id, moved_by) values (${c.ids.opportunity!}, ${c.stageId}, ${lit(actorId)})`,
    set: sql`justification = 'rewritten'`,
    // Moves write history; a user adds only a new opportunity's first row (this one already has one).
    allow: { select: STAFF, insert: [], update: [], delete: [] },
  },
  {
    table: "agreements",
    target: (c) => c.ids.agreementB!,
    insert: (c) => sql`insert into public.agreements (partner_id, direction, model, name) values (${c.partnerB.id}, 'receivable', 'referral', 'New')`,
    set: sql`name = 'Renamed'`,
    allow: { select: STAFF, insert: ["vp", "finance"], update: ["vp", "finance"], delete: ["vp"] },
  },
  {
    table: "agreement_versions",
    target: (c) => c.ids.versionB!,
    insert: (c) => sql`insert into public.agreement_versions (agreement_id, version, effective_from, rate) values (${c.ids.agreementB!}, 2, '2027-01-01', 20)`,
    set: sql`rate = 21`,
    allow: { select: STAFF, insert: ["vp", "finance"], update: ["vp", "finance"], delete: ["vp"] },
  },
  {
    table: "invitations",
    target: (c) => c.ids.invitation!,
    insert: (_c, actorId) =>
      sql`insert into public.invitations (email, role, token_hash, invited_by, expires_at) values ('new-invitee@x.dev', 'finance', 'hash-rls-new', ${lit(actorId)}, now() + interval '1 day')`,
    set: sql`revoked_at = now()`,
    allow: { select: ["vp"], insert: ["vp"], update: ["vp"], delete: ["vp"] },
  },
  {
    table: "notifications",
    target: (c) => c.ids.notification!,
    insert: (c) => sql`insert into public.notifications (user_id, kind, title) values (${c.users.sales_manager.id}, 'x', 'Forged')`,
    set: sql`read_at = now()`,
    allow: { select: ["sales_manager"], insert: [], update: ["sales_manager"], delete: ["sales_manager"] },
  },
  {
    table: "loss_reasons",
    target: (c) => c.ids.lossReason!,
    insert: () => sql`insert into public.loss_reasons (label) values ('Forged reason')`,
    set: sql`label = 'Renamed reason'`,
    allow: { select: STAFF, insert: ["vp"], update: ["vp"], delete: ["vp"] },
  },
  {
    table: "saved_views",
    target: (c) => c.ids.savedView!,
    insert: (c, actorId) => sql`insert into public.saved_views (owner_id, name) values (${actorId ?? c.users.vp.id}, 'Mine')`,
    set: sql`query = 'stage=poc'`,
    allow: { select: ["sales_manager"], insert: STAFF, update: ["sales_manager"], delete: ["sales_manager"] },
  },
  {
    table: "quarterly_goals",
    target: (c) => c.ids.goal!,
    insert: () => sql`insert into public.quarterly_goals (year, quarter, target_minor) values (2031, 1, 100)`,
    set: sql`target_minor = 1`,
    allow: { select: STAFF, insert: ["vp"], update: ["vp"], delete: ["vp"] },
  },
  {
    table: "pipeline_aggregates",
    target: () => "conversions:test",
    insert: () => sql`insert into public.pipeline_aggregates (key, payload) values ('forged', '[]')`,
    set: sql`payload = '[]'`,
    allow: { select: STAFF, insert: [], update: [], delete: [] },
  },
  {
    table: "fx_rates",
    target: () => "2030-01-01",
    insert: () => sql`insert into public.fx_rates (rate_date, base, quote, rate) values ('2031-01-01', 'EUR', 'USD', 1.1)`,
    set: sql`rate = 1.2`,
    allow: { select: STAFF, insert: ["vp", "finance"], update: ["vp", "finance"], delete: ["vp", "finance"] },
  },
  {
    table: "commission_lines",
    target: (c) => c.ids.commissionLine!,
    insert: (c) => sql`insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id, direction, kind, label, amount_minor, currency, due_date)
      values ('forged', ${c.ids.schedule!}, ${c.ids.opportunity!}, ${c.ids.agreementA!}, ${c.ids.versionA!}, ${c.partnerA.id}, 'payable', 'one_time', 'x', 1, 'USD', '2030-01-01')`,
    // Approval is approve_commission_lines; a direct update may only reject (tests/db/rules-enforced.test.ts).
    set: sql`rejected_reason = 'Looked at'`,
    allow: { select: ["vp", "finance", "partner"], insert: [], update: ["finance"], delete: [] },
  },
  {
    table: "commission_schedules",
    target: (c) => c.ids.schedule!,
    insert: (c) => sql`insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, direction, period_start, close_date, basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
      values (${c.ids.opportunity!}, ${c.ids.agreementB!}, ${c.ids.versionB!}, ${c.partnerB.id}, 'receivable', '2030-01-01', '2030-01-01', 1, 1, 'USD', 1, 'base', '[]', 'forged')`,
    set: sql`total_minor = 999`,
    allow: { select: ["vp", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "commission_overrides",
    target: (c) => c.ids.override!,
    insert: (c, actor) => sql`insert into public.commission_overrides (opportunity_id, agreement_id, rate, reason, needs_approval, status, requested_by)
      values (${c.ids.opportunity!}, ${c.ids.agreementB!}, 50, 'forged', true, 'approved', ${lit(actor)})`,
    set: sql`status = 'approved'`,
    allow: { select: STAFF, insert: [], update: [], delete: [] },
  },
  {
    table: "commission_receipts",
    target: (c) => c.ids.receipt!,
    insert: (c, actor) => sql`insert into public.commission_receipts (partner_id, received_on, amount_minor, currency, reference, recorded_by)
      values (${c.ids.receiptIsv!}, '2030-01-15', 5000, 'USD', 'WIRE-2', ${lit(actor)})`,
    set: sql`amount_minor = 1`,
    allow: { select: ["vp", "finance"], insert: ["finance"], update: [], delete: [] },
  },
  {
    table: "email_outbox",
    target: (c) => c.ids.email!,
    insert: () => sql`insert into public.email_outbox (to_email, template, subject, text_body, html_body, idempotency_key) values ('a@b.dev', 't', 's', 't', 'h', 'k-rls')`,
    set: sql`status = 'sent'`,
    allow: { select: ["vp"], insert: [], update: [], delete: [] },
  },
  {
    table: "job_runs",
    target: (c) => c.ids.jobRun!,
    insert: () => sql`insert into public.job_runs (job) values ('forged')`,
    set: sql`status = 'failed'`,
    allow: { select: ["vp"], insert: [], update: [], delete: [] },
  },
  {
    table: "deal_change_queue",
    target: (c) => c.ids.dealChange!,
    insert: (c) => sql`insert into public.deal_change_queue (opportunity_id) values (${c.ids.opportunity!})`,
    set: sql`queued_at = now()`,
    allow: { select: ["vp"], insert: [], update: [], delete: [] },
  },
  {
    table: "audit_log",
    target: (c) => c.ids.audit!,
    insert: () => sql`insert into public.audit_log (action, entity) values ('insert', 'forged')`,
    set: sql`entity = 'tampered'`,
    allow: { select: ["vp"], insert: [], update: [], delete: [] },
  },
  {
    table: "partner_applications",
    target: (c) => c.ids.application!,
    insert: () => sql`insert into public.partner_applications (company, industry, experience, contact_name, email) values ('Forged', 'X', 'new', 'F', 'forged@x.dev')`,
    set: sql`reviewed_at = now()`,
    allow: { select: ["vp", "partnership_manager"], insert: [], update: ["vp", "partnership_manager"], delete: [] },
  },
  {
    table: "program_documents",
    target: (c) => c.ids.programDocument!,
    insert: () => sql`insert into public.program_documents (kind, version, title, body) values ('code_of_conduct', 99, 'Forged', 'Text')`,
    set: sql`title = 'Renamed'`,
    allow: { select: ["vp", "sales_manager", "partnership_manager", "finance", "partner", "anon"], insert: ["vp"], update: ["vp"], delete: [] },
  },
  {
    table: "partner_acceptances",
    target: (c) => c.ids.acceptanceB!,
    insert: (c, actorId) => sql`insert into public.partner_acceptances (partner_id, profile_id, document_id) values (${c.partnerA.id}, ${lit(actorId)}, ${c.ids.programDocument!})`,
    set: sql`accepted_at = now()`,
    allow: { select: STAFF, insert: ["partner"], update: [], delete: [] },
  },
  {
    table: "partner_payout_methods",
    target: (c) => c.partnerB.id,
    insert: (c) => sql`insert into public.partner_payout_methods (partner_id, kind, stripe_account_id) values (${c.partnerA.id}, 'stripe_connect', 'acct_forged')`,
    set: sql`account_last4 = '0000'`,
    allow: { select: ["vp", "finance"], insert: [], update: [], delete: [] },
  },
  {
    table: "partner_tax_details",
    target: (c) => c.ids.taxB!,
    insert: (c) => sql`insert into public.partner_tax_details (partner_id, form, legal_name, country, address, tin_last4, tin_ciphertext, signed_name)
      values (${c.partnerA.id}, 'w9', 'Forged', 'US', 'Somewhere', '1234', 'v1.x.y.z', 'F')`,
    set: sql`legal_name = 'Changed'`,
    allow: { select: ["finance"], insert: [], update: [], delete: [] },
  },
  {
    table: "deal_registrations",
    target: (c) => c.ids.registrationB!,
    insert: (c, actorId) => sql`insert into public.deal_registrations (partner_id, submitted_by, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor)
      values (${c.partnerA.id}, ${lit(actorId)}, 'Forged', 'forged.example', 'F', 'f@forged.example', 100)`,
    set: sql`rejection_reason = 'Looked at'`,
    // Reviews go through approve_/reject_deal_registration.
    allow: { select: STAFF, insert: ["partner"], update: [], delete: [] },
  },
  {
    table: "tier_history",
    target: (c) => c.ids.tierHistoryB!,
    insert: (c) => sql`insert into public.tier_history (partner_id, to_tier_id, reason) values (${c.partnerA.id}, ${c.tierId}, 'forged')`,
    set: sql`reason = 'tampered'`,
    allow: { select: STAFF, insert: [], update: [], delete: [] },
  },
  {
    table: "partner_achievements",
    target: (c) => c.ids.achievementB!,
    insert: (c) => sql`insert into public.partner_achievements (partner_id, key) values (${c.partnerA.id}, 'forged')`,
    set: sql`details = '{"x": 1}'`,
    allow: { select: STAFF, insert: [], update: [], delete: [] },
  },
  {
    table: "partner_xp_events",
    target: (c) => c.ids.xpB!,
    insert: (c) => sql`insert into public.partner_xp_events (partner_id, kind, xp, source_id) values (${c.partnerA.id}, 'forged', 1000, 'forged')`,
    set: sql`xp = 9999`,
    allow: { select: STAFF, insert: [], update: [], delete: [] },
  },
  {
    table: "landing_pages",
    target: (c) => c.ids.landingPage!,
    insert: () => sql`insert into public.landing_pages (name, url) values ('Forged', '/welcome/forged')`,
    set: sql`name = 'Renamed'`,
    allow: { select: [...STAFF, "partner"], insert: ["vp", "partnership_manager"], update: ["vp", "partnership_manager"], delete: ["vp", "partnership_manager"] },
  },
  {
    table: "referral_links",
    target: (c) => c.ids.linkB!,
    insert: (c, actorId) => sql`insert into public.referral_links (partner_id, code, landing_page_id, campaign, created_by)
      values (${c.partnerA.id}, (select slug from public.partners where id = ${c.partnerA.id}) || '-matrix', ${c.ids.landingPage!}, 'Matrix', ${lit(actorId)})`,
    set: sql`campaign = 'Changed'`,
    allow: { select: STAFF, insert: ["partner"], update: [], delete: [] },
  },
  {
    table: "referral_clicks",
    target: (c) => c.ids.clickB!,
    insert: (c) => sql`insert into public.referral_clicks (link_id, partner_id, clicked_at, visitor_hash, hour_bucket, ip_hash)
      values (${c.ids.linkB!}, ${c.partnerB.id}, now(), 'forged', date_trunc('hour', now()), 'forged')`,
    set: sql`is_bot = true`,
    allow: { select: STAFF, insert: [], update: [], delete: [] },
  },
  {
    table: "referrals",
    target: (c) => c.ids.referralB!,
    insert: (c) => sql`insert into public.referrals (partner_id, attributed_by, source, name, email, company) values (${c.partnerB.id}, 'code', 'api', 'F', 'f@forged.example', 'F')`,
    set: sql`status = 'contacted'`,
    allow: { select: STAFF, insert: [], update: ["vp", "partnership_manager"], delete: [] },
  },
  {
    table: "payout_batches",
    target: (c) => c.ids.payoutBatch!,
    insert: () => sql`insert into public.payout_batches (period_start, period_end) values ('2030-01-01', '2030-01-31')`,
    set: sql`status = 'cancelled'`,
    allow: { select: ["vp", "finance"], insert: [], update: [], delete: [] },
  },
  {
    table: "payouts",
    target: (c) => c.ids.payoutA!,
    insert: (c) => sql`insert into public.payouts (batch_id, partner_id, currency, amount_minor, idempotency_key)
      values (${c.ids.payoutBatch!}, ${c.partnerB.id}, 'USD', 1, 'forged')`,
    set: sql`status = 'sent'`,
    allow: { select: ["vp", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "payout_items",
    target: (c) => c.ids.payoutItemA!,
    insert: (c) => sql`insert into public.payout_items (payout_id, commission_line_id, amount_minor) values (${c.ids.payoutA!}, ${c.ids.commissionLine!}, 1)`,
    set: sql`released_at = now()`,
    allow: { select: ["vp", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "ledger_entries",
    target: (c) => c.ids.ledgerA!,
    insert: (c) => sql`insert into public.ledger_entries (journal_id, account, partner_id, currency, amount_minor, kind)
      values (gen_random_uuid(), 'cash', ${c.partnerA.id}, 'USD', 1, 'payout_settled')`,
    set: sql`amount_minor = 2`,
    allow: { select: ["vp", "finance", "partner"], insert: [], update: [], delete: [] },
  },
  {
    table: "stripe_events",
    target: () => "evt_matrix",
    insert: () => sql`insert into public.stripe_events (id, type, created_at_stripe, payload) values ('evt_forged', 'transfer.created', now(), '{}')`,
    set: sql`outcome = 'forged'`,
    allow: { select: ["vp", "finance"], insert: [], update: [], delete: [] },
  },
];

let db: TestDatabase;
let ctx: Ctx;

beforeAll(async () => {
  db = await createTestDatabase();
  const c = db.conn;
  const tier = await f.createTier(c);
  const partnerA = await f.createPartner(c, { tierId: tier.id });
  const partnerB = await f.createPartner(c, { kind: "isv", domain: "security" });
  const users = {
    vp: await f.createUser(c, { role: "vp" }),
    sales_manager: await f.createUser(c, { role: "sales_manager" }),
    partnership_manager: await f.createUser(c, { role: "partnership_manager" }),
    finance: await f.createUser(c, { role: "finance" }),
    partner: await f.createUser(c, { role: "partner", partnerId: partnerA.id }),
  };
  const otherSales = await f.createUser(c, { role: "sales_manager" });
  const stage = await f.createStage(c);
  const opportunity = await f.createOpportunity(c, { ownerId: users.sales_manager.id, stageId: stage.id, referringPartnerId: partnerA.id });
  const b = await f.createAgreement(c, { partnerId: partnerB.id, direction: "receivable" });
  const [history] = await db.conn.query<{ id: string }>(
    "insert into public.opportunity_stage_history (opportunity_id, to_stage_id, moved_by) values ($1, $2, $3) returning id",
    [opportunity.id, stage.id, users.sales_manager.id],
  );
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Test Co')");
  await db.conn.query("insert into public.fx_rates (rate_date, base, quote, rate) values ('2030-01-01', 'EUR', 'USD', 1.1)");
  const a = await f.createAgreement(c, { partnerId: partnerA.id, direction: "payable" });
  const [schedule] = await db.conn.query<{ id: string }>(
    `insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id, direction, period_start, close_date, basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
     values ($1, $2, $3, $4, $5, 'payable', '2026-10-01', '2026-12-01', 5000, 1000, 'USD', 20, 'base', '[]', 'matrix') returning id`,
    [opportunity.id, a.agreement.id, a.version.id, partnerA.id, users.sales_manager.id],
  );
  const [line] = await db.conn.query<{ id: string }>(
    `insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id, direction, kind, label, amount_minor, currency, due_date, status)
     values ('matrix-line', $6, $1, $2, $3, $4, $5, 'payable', 'one_time', 'Referral', 1000, 'USD', '2026-12-01', 'earned') returning id`,
    [opportunity.id, a.agreement.id, a.version.id, partnerA.id, users.sales_manager.id, schedule!.id],
  );
  const [override] = await db.conn.query<{ id: string }>(
    `insert into public.commission_overrides (opportunity_id, agreement_id, rate, reason, needs_approval, status, requested_by)
     values ($1, $2, 22, 'Strategic logo', false, 'approved', $3) returning id`,
    [opportunity.id, a.agreement.id, users.sales_manager.id],
  );
  const receiptIsv = await f.createPartner(c, { kind: "isv" });
  const [receipt] = await db.conn.query<{ id: string }>(
    `insert into public.commission_receipts (partner_id, received_on, amount_minor, currency, reference, recorded_by)
     values ($1, '2030-01-10', 12000, 'USD', 'WIRE-1', $2) returning id`,
    [receiptIsv.id, users.finance.id],
  );
  const [audit] = await db.conn.query<{ id: number }>("select id from public.audit_log order by id limit 1");
  ctx = {
    users,
    otherSales,
    partnerA,
    partnerB,
    stageId: stage.id,
    tierId: tier.id,
    ids: {
      opportunity: opportunity.id,
      history: history!.id,
      agreementB: b.agreement.id,
      versionB: b.version.id,
      contactB: (await f.createContact(c, partnerB.id)).id,
      interaction: (await f.createInteraction(c, partnerB.id, users.partnership_manager.id)).id,
      invitation: (await f.createInvitation(c, users.vp.id)).id,
      notification: (await f.createNotification(c, users.sales_manager.id)).id,
      email: (await f.createOutboxEmail(c)).id,
      jobRun: (await f.createJobRun(c)).id,
      dealChange: (await c.query<{ id: string }>("insert into public.deal_change_queue (opportunity_id) values ($1) returning id", [opportunity.id]))[0]!.id,
      audit: String(audit!.id),
      agreementA: a.agreement.id,
      versionA: a.version.id,
      commissionLine: line!.id,
      schedule: schedule!.id,
      override: override!.id,
      receipt: receipt!.id,
      receiptIsv: receiptIsv.id,
      spareTier: (await f.createTier(c)).id,
      tierFeature: (await c.query<{ id: string }>("insert into public.tier_features (feature_key, category, label, unlock_tier_id) values ('training.matrix', 'training', 'Matrix', $1) returning id", [tier.id]))[0]!.id,
      lossReason: (await c.query<{ id: string }>("insert into public.loss_reasons (label) values ('Budget') returning id"))[0]!.id,
      savedView: (await c.query<{ id: string }>("insert into public.saved_views (owner_id, name) values ($1, 'My deals') returning id", [users.sales_manager.id]))[0]!.id,
      aggregate: (await c.query<{ id: string }>("insert into public.pipeline_aggregates (key, payload) values ('conversions:test', '[]') returning key as id"))[0]!.id,
      goal: (await c.query<{ id: string }>("insert into public.quarterly_goals (year, quarter, target_minor) values (2030, 1, 100) returning id"))[0]!.id,
      spareStage: (await f.createStage(c)).id,
      ...(await portalOnboardingIds(c, partnerB.id, users.vp.id)),
      ...(await portalProgressIds(c, partnerB.id, tier.id)),
      ...(await trainingIds(c, users.partner.id, partnerA.id)),
      ...(await referralIds(c, partnerB.id)),
      ...(await payoutIds(c, partnerA.id, line!.id)),
    },
  };
});

afterAll(async () => db?.close());

async function portalOnboardingIds(c: TestDatabase["conn"], partnerBId: string, profileId: string) {
  const one = async (text: string, params: unknown[] = []) => (await c.query<{ id: string }>(text, params))[0]!.id;
  const programDocument = await one("insert into public.program_documents (kind, version, title, body) values ('program_agreement', 1, 'Program Agreement', 'Text') returning id");
  await c.query("insert into public.partner_payout_methods (partner_id, kind, account_holder, account_last4, account_ciphertext) values ($1, 'bank_transfer', 'B Ltd', '1234', 'v1.a.b.c')", [partnerBId]);
  return {
    programDocument,
    application: await one("insert into public.partner_applications (company, industry, experience, contact_name, email) values ('Applicant Co', 'FinOps', 'some', 'Ann', 'ann@applicant.dev') returning id"),
    acceptanceB: await one("insert into public.partner_acceptances (partner_id, profile_id, document_id) values ($1, $2, $3) returning id", [partnerBId, profileId, programDocument]),
    taxB: await one(
      "insert into public.partner_tax_details (partner_id, form, legal_name, country, address, tin_last4, tin_ciphertext, signed_name) values ($1, 'w8ben', 'B Ltd', 'DE', 'Berlin', '5678', 'v1.a.b.c', 'Bea') returning id",
      [partnerBId],
    ),
  };
}

async function portalProgressIds(c: TestDatabase["conn"], partnerBId: string, tierId: string) {
  const one = async (text: string, params: unknown[]) => String((await c.query<{ id: string }>(text, params))[0]!.id);
  return {
    registrationB: await one(
      "insert into public.deal_registrations (partner_id, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor) values ($1, 'B Deal', 'b-deal.example', 'Bo', 'bo@b-deal.example', 500) returning id",
      [partnerBId],
    ),
    tierHistoryB: await one("insert into public.tier_history (partner_id, to_tier_id, reason) values ($1, $2, 'matrix') returning id", [partnerBId, tierId]),
    achievementB: await one("insert into public.partner_achievements (partner_id, key) values ($1, 'first_click') returning id", [partnerBId]),
    xpB: await one("insert into public.partner_xp_events (partner_id, kind, xp, source_id) values ($1, 'click', 1, 'matrix') returning id", [partnerBId]),
  };
}

/** One course on partner A's tier (the matrix feature), with the partner's own enrollment, progress and attempt. */
async function trainingIds(c: TestDatabase["conn"], profileId: string, partnerAId: string) {
  const one = async (text: string, params: unknown[] = []) => String((await c.query<{ id: string }>(text, params))[0]!.id);
  const trainingCourse = await one(
    "insert into public.training_courses (slug, version, title, category, feature_key, pass_mark, max_attempts, content_digest) values ('matrix', 1, 'Matrix', 'sales', 'training.matrix', 50, 2, 'h') returning id",
  );
  const trainingLesson = await one("insert into public.training_lessons (course_id, position, title, body_md) values ($1, 0, 'One', 'Text') returning id", [trainingCourse]);
  const trainingLesson2 = await one("insert into public.training_lessons (course_id, position, title, body_md) values ($1, 1, 'Two', 'Text') returning id", [trainingCourse]);
  const trainingPath = await one("insert into public.training_paths (slug, title, featured) values ('matrix', 'Matrix', true) returning id");
  const trainingEnrollment = await one(
    "insert into public.training_enrollments (profile_id, partner_id, course_slug, course_id) values ($1, $2, 'matrix', $3) returning id",
    [profileId, partnerAId, trainingCourse],
  );
  return {
    trainingCourse,
    trainingLesson,
    trainingLesson2,
    trainingPath,
    trainingEnrollment,
    trainingQuestion: await one(
      `insert into public.training_questions (course_id, position, prompt, kind, choices) values ($1, 0, 'Q', 'single', '[{"id":"a","label":"A"},{"id":"b","label":"B"}]') returning id`,
      [trainingCourse],
    ),
    trainingPathCourse: await one("insert into public.training_path_courses (path_id, course_slug, position) values ($1, 'matrix', 0) returning id", [trainingPath]),
    trainingProgress: await one(
      "insert into public.training_lesson_progress (enrollment_id, profile_id, lesson_id) values ($1, $2, $3) returning id",
      [trainingEnrollment, profileId, trainingLesson],
    ),
    trainingAttempt: await one(
      "insert into public.training_attempts (enrollment_id, profile_id, course_id, attempt_no, answers, score, passed, result) values ($1, $2, $3, 1, '{}', 0, false, '[]') returning id",
      [trainingEnrollment, profileId, trainingCourse],
    ),
  };
}

async function referralIds(c: TestDatabase["conn"], partnerBId: string) {
  const one = async (text: string, params: unknown[] = []) => String((await c.query<{ id: string }>(text, params))[0]!.id);
  const landingPage = await one("insert into public.landing_pages (name, url) values ('Matrix page', '/welcome/matrix') returning id");
  const linkB = await one(
    "insert into public.referral_links (partner_id, code, landing_page_id, is_default) select $1, 'matrix-b', id, true from public.landing_pages where is_default returning id",
    [partnerBId],
  );
  return {
    landingPage,
    linkB,
    clickB: await one(
      "insert into public.referral_clicks (link_id, partner_id, clicked_at, visitor_hash, hour_bucket, ip_hash) values ($1, $2, now(), 'v', date_trunc('hour', now()), 'i') returning id",
      [linkB, partnerBId],
    ),
    referralB: await one(
      "insert into public.referrals (partner_id, link_id, attributed_by, source, name, email, company) values ($1, $2, 'code', 'api', 'Bo', 'bo@lead.example', 'Lead Co') returning id",
      [partnerBId, linkB],
    ),
  };
}

/** Payout rows for partner A, on a line of their own deal so the matrix can still delete the shared opportunity. */
async function payoutIds(c: TestDatabase["conn"], partnerAId: string, matrixLineId: string) {
  const one = async (text: string, params: unknown[] = []) => String((await c.query<{ id: string }>(text, params))[0]!.id);
  const opportunity = await one(
    `insert into public.opportunities (customer_name, value_minor, currency, stage_id, owner_id, referring_partner_id)
     select 'Payout deal', 1000, 'USD', o.stage_id, o.owner_id, $2 from public.opportunities o join public.commission_lines l on l.opportunity_id = o.id
     where l.id = $1 returning id`,
    [matrixLineId, partnerAId],
  );
  const schedule = await one(
    `insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, direction, period_start, close_date,
       basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
     select $2, agreement_id, agreement_version_id, partner_id, direction, period_start, close_date, basis_minor, total_minor, currency,
       effective_rate, rate_source, trace, 'payout-matrix' from public.commission_schedules s
     where s.id = (select schedule_id from public.commission_lines where id = $1) returning id`,
    [matrixLineId, opportunity],
  );
  const lineId = await one(
    `insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id, direction, kind,
       label, amount_minor, currency, due_date, status)
     select 'payout-matrix-line', $2, $3, agreement_id, agreement_version_id, partner_id, direction, kind, label, amount_minor, currency, due_date,
       'approved' from public.commission_lines where id = $1 returning id`,
    [matrixLineId, schedule, opportunity],
  );
  const payoutBatch = await one("insert into public.payout_batches (period_start, period_end) values ('2026-12-01', '2026-12-31') returning id");
  const payoutA = await one(
    "insert into public.payouts (batch_id, partner_id, currency, amount_minor, idempotency_key) values ($1, $2, 'USD', 1000, 'matrix-payout') returning id",
    [payoutBatch, partnerAId],
  );
  await c.query(
    "insert into public.stripe_events (id, type, created_at_stripe, payload) values ('evt_matrix', 'transfer.created', now(), '{}')",
  );
  return {
    payoutBatch,
    payoutA,
    payoutItemA: await one("insert into public.payout_items (payout_id, commission_line_id, amount_minor) values ($1, $2, 1000) returning id", [payoutA, lineId]),
    ledgerA: await one(
      `with j as (select gen_random_uuid() as id)
       insert into public.ledger_entries (journal_id, account, partner_id, currency, amount_minor, kind, payout_id)
       select j.id, leg.account, $1, 'USD', leg.amount, 'payout_sent', $2::uuid from j,
         (values ('partner_payable', 1000), ('payouts_in_transit', -1000)) as leg (account, amount)
       returning id`,
      [partnerAId, payoutA],
    ),
  };
}

function actorOf(role: Role): { actor: Actor; id: string | null } {
  if (role === "anon") return { actor: "anon", id: null };
  const user = ctx.users[role];
  return { actor: { claims: user.claims }, id: user.id };
}


async function run(tc: TableCase, role: Role, command: Command): Promise<boolean> {
  const { actor, id } = actorOf(role);
  const table = sql.raw(`public.${tc.table}`);
  const target = tc.table === "workspace_settings" ? sql`true` : sql`${tc.target(ctx)}`;
  const where =
    tc.table === "pipeline_aggregates"
      ? sql`key = ${target}`
      : tc.table === "fx_rates"
        ? sql`rate_date = ${target}::date and base = 'EUR' and quote = 'USD'`
        : tc.table === "partner_payout_methods"
          ? sql`partner_id = ${target}`
          : sql`id = ${target}`;
  const result = await attempt(db.conn, actor, async (tx) => {
    switch (command) {
      case "select":
        return (await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${table} where ${where}`))[0]!.n === 1;
      case "insert":
        await tx.execute(tc.insert(ctx, id));
        return true;
      case "update":
        return (await rows(tx, sql`update ${table} set ${tc.set} where ${where} returning 1`)).length === 1;
      case "delete":
        return (await rows(tx, sql`delete from ${table} where ${where} returning 1`)).length === 1;
    }
  });
  if (!result.ok && process.env.DEBUG_RLS) console.log(tc.table, role, command, result.error);
  return result.ok && result.value === true;
}

describe.each(CASES)("RLS on $table", (tc) => {
  const matrix = ROLES.flatMap((role) => COMMANDS.map((command) => ({ role, command, allowed: tc.allow[command].includes(role) })));
  test.each(matrix)("$role $command → allowed: $allowed", async ({ role, command, allowed }) => {
    expect(await run(tc, role, command)).toBe(allowed);
  });
});

describe("row ownership", () => {
  test("a partner sees its own organisation but not another", async () => {
    const actor = { claims: ctx.users.partner.claims };
    const r = await attempt(db.conn, actor, (tx) => rows<{ id: string }>(tx, sql`select id from public.partners`));
    expect(r.value?.map((x) => x.id)).toEqual([ctx.partnerA.id]);
  });

  test("a partner reads its own payable agreement and not another organisation's", async () => {
    const own = await f.createAgreement(db.conn, { partnerId: ctx.partnerA.id, direction: "payable" });
    const r = await attempt(db.conn, { claims: ctx.users.partner.claims }, (tx) =>
      rows<{ id: string }>(tx, sql`select id from public.agreement_versions`),
    );
    const ids = r.value?.map((x) => x.id) ?? [];
    expect(ids).toContain(own.version.id);
    expect(ids).not.toContain(ctx.ids.versionB);
    expect(ids).toEqual(expect.arrayContaining([ctx.ids.versionA]));
    expect(ids).toHaveLength(2);
  });

  test("another sales manager cannot edit an opportunity they do not own", async () => {
    const r = await attempt(db.conn, { claims: ctx.otherSales.claims }, (tx) =>
      rows(tx, sql`update public.opportunities set notes = 'hijack' where id = ${ctx.ids.opportunity!} returning 1`),
    );
    expect(r.value).toEqual([]);
  });

  test("a sales manager cannot create an opportunity owned by someone else", async () => {
    const r = await attempt(db.conn, { claims: ctx.users.sales_manager.claims }, (tx) =>
      tx.execute(sql`insert into public.opportunities (customer_name, value_minor, stage_id, owner_id) values ('X', 1, ${ctx.stageId}, ${ctx.otherSales.id})`),
    );
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe("42501");
  });

  test("users update their own name but cannot change their own role", async () => {
    const actor = { claims: ctx.users.sales_manager.claims };
    const rename = await attempt(db.conn, actor, (tx) =>
      rows(tx, sql`update public.profiles set display_name = 'New Name' where id = ${ctx.users.sales_manager.id} returning 1`),
    );
    expect(rename.value).toHaveLength(1);
    const promote = await attempt(db.conn, actor, (tx) =>
      rows(tx, sql`update public.profiles set role = 'vp' where id = ${ctx.users.sales_manager.id} returning 1`),
    );
    expect(promote.ok).toBe(false);
    expect(promote.error?.code).toBe("42501");
  });

  test("a role change applies to the very next query", async () => {
    const user = await f.createUser(db.conn, { role: "finance" });
    const readSettings = () =>
      attempt(db.conn, { claims: user.claims }, (tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from public.invitations`));
    await db.conn.query("insert into public.invitations (email, role, token_hash, expires_at) values ('role-change@x.dev', 'finance', 'rc', now() + interval '1 day')");
    expect((await readSettings()).value?.[0]?.n).toBe(0);
    await db.conn.query("update public.profiles set role = 'vp' where id = $1", [user.id]);
    expect((await readSettings()).value?.[0]?.n).toBeGreaterThan(0);
  });

  test("a deactivated user loses access at once", async () => {
    const user = await f.createUser(db.conn, { role: "vp" });
    await db.conn.query("update public.profiles set deactivated_at = now() where id = $1", [user.id]);
    const r = await attempt(db.conn, { claims: user.claims }, (tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from public.partners`));
    expect(r.value?.[0]?.n).toBe(0);
  });
});
