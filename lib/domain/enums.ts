/**
 * Value sets shared by the database schema, the server and the UI. They live outside `lib/db` so that
 * components can name a role or a domain without importing the database layer; the Drizzle enums in
 * `lib/db/schema/enums.ts` are built from these tuples, and the migrations hold the same values.
 */
export const APP_ROLES = ["vp", "sales_manager", "partnership_manager", "finance", "partner"] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const PARTNER_DOMAINS = ["finops", "security", "observability", "devops", "data_backup", "dev_platform"] as const;
export type PartnerDomain = (typeof PARTNER_DOMAINS)[number];
