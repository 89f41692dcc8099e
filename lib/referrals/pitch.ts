import "server-only";
import { sql } from "drizzle-orm";
import { rows, withSystem } from "@/lib/db/session";

export interface CompanyPitch {
  companyName: string;
  headline: string;
  description: string;
  brandColor: string;
}

/** The company's public pitch for landing pages (workspace settings are staff-only, so a named system read). */
export async function getCompanyPitch(): Promise<CompanyPitch> {
  const [row] = await withSystem("public.landing-page", (tx) =>
    rows<{
      company_name: string;
      program_headline: string | null;
      program_description: string | null;
      brand_color: string;
    }>(
      tx,
      sql`select company_name, program_headline, program_description, brand_color from public.workspace_settings limit 1`,
    ),
  );
  const companyName = row?.company_name ?? "PartnerOS";
  return {
    companyName,
    headline: row?.program_headline ?? `See what ${companyName} can do for your team`,
    description:
      row?.program_description ??
      `${companyName} helps teams like yours ship faster with fewer surprises. Leave your details and one of our specialists will walk you through it, answer your questions and put together a plan that fits.`,
    brandColor: /^#[0-9a-fA-F]{6}$/.test(row?.brand_color ?? "") ? row!.brand_color : "#4f46e5",
  };
}
