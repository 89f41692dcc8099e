/** The Drizzle schema, one file per domain; SQL migrations in supabase/migrations are the source of truth. */
export * from "./enums";
export * from "./organisation";
export * from "./pipeline";
export * from "./agreements";
export * from "./commissions";
export * from "./portal";
export * from "./payouts";
export * from "./templates";
export * from "./work";
export * from "./alerts";
export * from "./system";
export * from "./enablement";
export type { AppRole, PartnerDomain } from "@/lib/domain/enums";
