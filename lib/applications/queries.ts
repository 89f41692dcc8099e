import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import type { ExperienceLevel } from "./schemas";

export interface ApplicationRow {
  id: string;
  company: string;
  website: string | null;
  industry: string;
  experience: ExperienceLevel;
  monthlyGoalMinor: number | null;
  contactName: string;
  email: string;
  phone: string | null;
  contactPreferences: string[];
  socialHandles: Record<string, string>;
  message: string | null;
  status: "pending" | "approved" | "rejected";
  rejectionReason: string | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
  autoApproved: boolean;
  partnerId: string | null;
  /** "signup": the partner signed itself up and has an account; "program": the program page's form. */
  source: "program" | "signup";
  createdAt: Date;
}

const COLUMNS = sql.raw(
  [
    "a.id",
    "a.company",
    "a.website",
    "a.industry",
    "a.experience",
    "a.monthly_goal_minor",
    "a.contact_name",
    "a.email",
    "a.phone",
    "a.contact_preferences",
    "a.social_handles",
    "a.message",
    "a.status",
    "a.rejection_reason",
    "a.reviewed_at",
    "a.auto_approved",
    "a.partner_id",
    "a.source",
    "a.created_at",
    "p.display_name as reviewer_name",
  ].join(", "),
);

/** Pending applications first (oldest first, so nobody waits longest), then the latest reviewed ones. */
export async function listApplications(
  tx: Tx,
  options: { reviewedLimit?: number } = {},
): Promise<ApplicationRow[]> {
  const found = await rows<Record<string, unknown>>(
    tx,
    sql`(select ${COLUMNS} from public.partner_applications a left join public.profiles p on p.id = a.reviewed_by
         where a.status = 'pending' order by a.created_at)
        union all
        (select ${COLUMNS} from public.partner_applications a left join public.profiles p on p.id = a.reviewed_by
         where a.status <> 'pending' order by a.reviewed_at desc nulls last limit ${options.reviewedLimit ?? 50})`,
  );
  const at = (v: unknown) => (v == null ? null : new Date(String(v instanceof Date ? v.toISOString() : v)));
  return found.map((r) => ({
    id: String(r.id),
    company: String(r.company),
    website: (r.website as string | null) ?? null,
    industry: String(r.industry),
    experience: r.experience as ExperienceLevel,
    monthlyGoalMinor: r.monthly_goal_minor == null ? null : Number(r.monthly_goal_minor),
    contactName: String(r.contact_name),
    email: String(r.email),
    phone: (r.phone as string | null) ?? null,
    contactPreferences: (r.contact_preferences as string[] | null) ?? [],
    socialHandles: (r.social_handles as Record<string, string> | null) ?? {},
    message: (r.message as string | null) ?? null,
    status: r.status as ApplicationRow["status"],
    rejectionReason: (r.rejection_reason as string | null) ?? null,
    reviewerName: (r.reviewer_name as string | null) ?? null,
    reviewedAt: at(r.reviewed_at),
    autoApproved: Boolean(r.auto_approved),
    partnerId: (r.partner_id as string | null) ?? null,
    source: r.source === "signup" ? "signup" : "program",
    createdAt: at(r.created_at)!,
  }));
}
