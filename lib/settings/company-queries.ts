import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { workspaceSettings } from "@/lib/db/schema";
import type { LogoType } from "./company-schemas";

export interface CompanyProfile {
  companyName: string;
  legalName: string | null;
  address: string | null;
  website: string | null;
  contactEmail: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  brandColor: string;
  logo: { base64: string; type: LogoType } | null;
}

/** The workspace's branding (exports, letterheads); null until the workspace is set up. */
export async function getCompanyProfile(tx: Tx): Promise<CompanyProfile | null> {
  const [row] = await tx
    .select({
      companyName: workspaceSettings.companyName,
      legalName: workspaceSettings.legalName,
      address: workspaceSettings.address,
      website: workspaceSettings.website,
      contactEmail: workspaceSettings.contactEmail,
      signatoryName: workspaceSettings.signatoryName,
      signatoryTitle: workspaceSettings.signatoryTitle,
      brandColor: workspaceSettings.brandColor,
      logoBase64: workspaceSettings.logoBase64,
      logoType: workspaceSettings.logoType,
    })
    .from(workspaceSettings)
    .where(eq(workspaceSettings.id, true));
  if (!row) return null;
  const { logoBase64, logoType, ...rest } = row;
  return { ...rest, logo: logoBase64 && logoType ? { base64: logoBase64, type: logoType } : null };
}
