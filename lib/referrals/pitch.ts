import "server-only";
import { sql } from "drizzle-orm";
import { rows, withAnon } from "@/lib/db/session";

export interface CompanyPitch {
  companyName: string;
  headline: string;
  description: string;
  brandColor: string;
}

/** The company's public pitch for landing pages, read as `anon` through the program's public function. */
export async function getCompanyPitch(): Promise<CompanyPitch> {
  const [row] = await withAnon((tx) =>
    rows<{
      company_name: string;
      program_headline: string | null;
      program_description: string | null;
      brand_color: string;
    }>(
      tx,
      sql`select company_name, program_headline, program_description, brand_color from private.public_program()`,
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
