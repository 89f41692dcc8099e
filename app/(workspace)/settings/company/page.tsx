import type { Metadata } from "next";
import { CompanyProfileForm, CompanyProfileView } from "@/components/settings/company-profile-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getCompanyProfile } from "@/lib/settings/company-queries";

export const metadata: Metadata = { title: "Company profile" };

export default async function CompanyProfilePage() {
  const user = await requireUser(STAFF_ROLES);
  const isVp = user.role === "vp";
  const profile = await withSession({ claims: user.claims }, (tx) => getCompanyProfile(tx));
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Settings"
        description="Who the company is on paper: the name, address, signatory and branding on every exported document."
      />
      <SettingsNav
        current="/settings/company"
        isVp={isVp}
        isFinance={user.role === "finance"}
        isPartnershipManager={user.role === "partnership_manager"}
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Company profile</h2>
          </CardTitle>
          <CardDescription>
            {isVp
              ? "Template exports use these details and the logo and colour for their letterhead."
              : "Template exports use these details. Only the VP can change them."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {!profile ? (
            <EmptyState
              title="The workspace is not set up yet"
              description="Run the seed or create the workspace first."
            />
          ) : isVp ? (
            <CompanyProfileForm profile={profile} />
          ) : (
            <CompanyProfileView profile={profile} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
