/**
 * The writes the app makes, per table and role: the one declared list tests/db/rls-forbidden.test.ts
 * holds the database to (everything not listed must be refused). `update: true` is every column the
 * role's grants allow; a list names the columns. Rows are still narrowed by the policies (own rows).
 * A new table fails the suite until it has an entry here (an empty entry: nobody writes it directly).
 */
export const ROLES = ["anon", "partner", "sales_manager", "partnership_manager", "finance", "vp", "deactivated"] as const;
export type Role = (typeof ROLES)[number];
export type Write = "insert" | "update" | "delete";
export interface Intended {
  insert?: true;
  update?: true | readonly string[];
  delete?: true;
}
type Entry = Partial<Record<Role, Intended>>;

const STAFF = ["sales_manager", "partnership_manager", "finance", "vp"] as const;
const each = (roles: readonly Role[], ops: Intended): Entry => Object.fromEntries(roles.map((r) => [r, ops]));
const ALL: Intended = { insert: true, update: true, delete: true };
const OWN_PROFILE = ["display_name", "title", "phone", "email_preferences"];
/** What the opportunity form edits; the stage and what follows from it change only by a move. */
const OPPORTUNITY_FIELDS = [
  "customer_name", "title", "contact_name", "contact_email", "technical_contact_name", "technical_contact_email", "value_minor",
  "currency", "position", "owner_id", "isv_partner_id", "referring_partner_id", "domain", "probability", "expected_close_date", "notes",
];

export const INTENDED: Record<string, Entry> = {
  agreement_versions: { vp: ALL, finance: { insert: true, update: true } },
  agreements: { vp: ALL, finance: { insert: true, update: true } },
  alert_preferences: each(STAFF, { insert: true, update: ["digest_enabled", "max_per_day", "muted_rules", "updated_at"] }),
  alert_rules: { vp: { update: ["enabled", "priority", "thresholds", "updated_at", "updated_by"] } },
  alerts: each(STAFF, { update: ["acknowledged_at", "dismissed_at", "snoozed_until", "status"] }),
  audit_log: {},
  // Approval is public.approve_commission_lines; finance only rejects (and undoes a rejection) directly.
  commission_lines: { finance: { update: ["rejected_at", "rejected_reason"] } },
  commission_overrides: {},
  commission_receipts: { finance: { insert: true } },
  commission_schedules: {},
  // Written by private.queue_deal_changes in the request, drained by the deals.after-change job.
  deal_change_queue: {},
  // Reviews are public.approve_/reject_deal_registration.
  deal_registrations: { partner: { insert: true } },
  email_outbox: {},
  fx_rates: { vp: ALL, finance: ALL },
  health_weights: { vp: { update: ["frequency", "open_issues", "pipeline", "recency", "revenue_trend", "updated_at", "updated_by"] } },
  invitations: { vp: ALL },
  job_runs: {},
  // The default page is public.set_default_landing_page.
  landing_pages: each(["vp", "partnership_manager"], { insert: true, update: ["name", "url", "active"], delete: true }),
  ledger_entries: {},
  loss_reasons: { vp: ALL },
  notifications: each(["partner", ...STAFF], { update: ["read_at"], delete: true }),
  // Stage moves are public.move_opportunity; the stage columns are not granted.
  opportunities: {
    vp: { insert: true, update: OPPORTUNITY_FIELDS, delete: true },
    ...each(["sales_manager", "partnership_manager"], { insert: true, update: OPPORTUNITY_FIELDS }),
  },
  // Only a new opportunity's first entry (moves write the rest).
  opportunity_stage_history: each(["vp", "sales_manager", "partnership_manager"], { insert: true }),
  partner_acceptances: { partner: { insert: true } },
  partner_achievements: {},
  partner_applications: each(["vp", "partnership_manager"], {
    update: ["invitation_id", "partner_id", "rejection_reason", "reviewed_at", "reviewed_by", "status"],
  }),
  partner_contacts: each(["vp", "partnership_manager"], ALL),
  partner_health_snapshots: {},
  partner_interactions: each(["vp", "partnership_manager", "sales_manager"], ALL),
  partner_payout_methods: {},
  partner_tax_details: {},
  partner_xp_events: {},
  partners: { vp: ALL, partnership_manager: { insert: true, update: true } },
  payout_batches: {},
  payout_items: {},
  payouts: {},
  pipeline_aggregates: {},
  profiles: { ...each(["partner", "sales_manager", "partnership_manager", "finance"], { update: OWN_PROFILE }), vp: { update: true } },
  program_documents: { vp: { insert: true, update: true } },
  quarterly_goals: { vp: ALL },
  referral_clicks: {},
  referral_links: { partner: { insert: true, update: ["archived_at"] } },
  referrals: each(["vp", "partnership_manager"], { update: true }),
  saved_views: each(STAFF, ALL),
  stages: { vp: ALL },
  status_attachments: each(STAFF, { insert: true, delete: true }),
  status_blockers: each(STAFF, {
    insert: true,
    update: ["description", "escalated", "resolution", "resolved_at", "resolved_by", "severity"],
    delete: true,
  }),
  stripe_events: {},
  task_events: each(STAFF, { insert: true }),
  task_templates: { vp: { insert: true, update: ["due_in_days", "position", "priority", "title"], delete: true } },
  tasks: each(STAFF, {
    insert: true,
    update: ["assignee_id", "category", "completed_at", "delegated_by", "due_date", "notes", "opportunity_id", "partner_id", "priority", "title", "week_start"],
    delete: true,
  }),
  template_fill_versions: each(STAFF, { insert: true }),
  template_fills: each(STAFF, { insert: true, update: ["current_version", "partner_id", "title"] }),
  template_share_accesses: {},
  template_share_links: each(STAFF, { insert: true, update: ["revoked_at"] }),
  template_usage_events: each(STAFF, { insert: true }),
  template_versions: each(["vp", "partnership_manager"], { insert: true }),
  templates: each(["vp", "partnership_manager"], { insert: true, update: ["archived_at", "category", "current_version", "title"] }),
  tier_history: {},
  tiers: { vp: ALL },
  // Loaded by the training.sync job; progress and attempts are written by public.start_training_course,
  // complete_training_lesson and submit_training_assessment.
  training_attempts: {},
  training_courses: {},
  training_enrollments: {},
  training_lesson_progress: {},
  training_lessons: {},
  training_path_courses: {},
  training_paths: {},
  training_questions: {},
  // Feature keys are named by content and policies: the VP renames and re-tiers them, nobody adds or drops one.
  tier_features: { vp: { update: ["label", "unlock_tier_id", "updated_at", "updated_by"] } },
  weekly_statuses: each(STAFF, { insert: true, update: ["accomplishments", "kpis", "plans", "revision", "status", "submitted_at"] }),
  workspace_settings: { vp: { update: true } },
};

/** Rows for the tables the demo seed leaves empty, so an update or delete has something to reach. */
export const FILL_EMPTY: string[] = [
  "insert into public.alert_preferences (user_id) select id from public.profiles where role = 'vp' limit 1",
  "insert into public.deal_change_queue (opportunity_id) select id from public.opportunities limit 1",
  "insert into public.email_outbox (to_email, template, subject, text_body, html_body, idempotency_key) values ('a@b.dev', 't', 's', 't', 'h', 'forbidden-suite')",
  "insert into public.invitations (email, role, token_hash, expires_at) values ('invitee@forbidden.dev', 'finance', 'forbidden-hash', now() + interval '1 day')",
  "insert into public.job_runs (job) values ('forbidden-suite')",
  "insert into public.partner_applications (company, industry, experience, contact_name, email) values ('Applicant', 'FinOps', 'some', 'Ann', 'ann@applicant.dev')",
  `insert into public.partner_tax_details (partner_id, form, legal_name, country, address, tin_last4, tin_ciphertext, signed_name)
     select id, 'w9', 'Legal', 'US', 'Somewhere', '1234', 'v1.a.b.c', 'Signer' from public.partners limit 1`,
  "insert into public.pipeline_aggregates (key, payload) values ('forbidden:suite', '[]')",
  "insert into public.saved_views (owner_id, name) select id, 'Mine' from public.profiles where role = 'sales_manager' limit 1",
  `insert into public.status_attachments (status_id, user_id, file_name, content_type, size_bytes, storage_key)
     select id, user_id, 'a.pdf', 'application/pdf', 10, 'status/forbidden/a.pdf' from public.weekly_statuses limit 1`,
  "insert into public.stripe_events (id, type, created_at_stripe, payload) values ('evt_forbidden', 'transfer.created', now(), '{}')",
  "insert into public.template_share_accesses (share_link_id, outcome) select id, 'opened' from public.template_share_links limit 1",
];
