import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import type { Branding } from "./render/document";

export interface BrandingRow {
  company_name: string | null;
  brand_color: string | null;
  logo_base64: string | null;
  logo_type: string | null;
  legal_name?: string | null;
  website?: string | null;
}

export function brandingFrom(row: BrandingRow | undefined): Branding {
  const logo =
    row?.logo_base64 && (row.logo_type === "image/png" || row.logo_type === "image/jpeg")
      ? { data: Buffer.from(row.logo_base64, "base64"), type: row.logo_type === "image/png" ? ("png" as const) : ("jpeg" as const) }
      : null;
  const footer = [row?.legal_name ?? row?.company_name, row?.website].filter(Boolean).join(" · ");
  return {
    companyName: row?.company_name ?? "PartnerOS",
    primaryColor: /^#[0-9a-fA-F]{6}$/.test(row?.brand_color ?? "") ? row!.brand_color! : "#4f46e5",
    logo,
    footerText: footer || undefined,
  };
}

/** The company profile as exports show it: name, colour, logo, footer. */
export async function getBranding(tx: Tx): Promise<Branding> {
  const [row] = await rows<BrandingRow>(
    tx,
    sql`select company_name, brand_color, logo_base64, logo_type, legal_name, website from public.workspace_settings limit 1`,
  );
  return brandingFrom(row);
}
