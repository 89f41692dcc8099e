import type { Metadata } from "next";
import { LandingPageControls, LandingPageForm } from "@/components/settings/landing-page-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listLandingPages } from "@/lib/landing-pages/queries";

export const metadata: Metadata = { title: "Landing pages" };

export default async function LandingPagesPage() {
  const user = await requireUser(["vp", "partnership_manager"]);
  const pages = await withSession({ claims: user.claims }, (tx) => listLandingPages(tx));
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Settings"
        description="Landing pages referral links may lead to. A link never sends visitors anywhere else."
      />
      <SettingsNav
        current="/settings/landing-pages"
        isVp={user.role === "vp"}
        isPartnershipManager={user.role === "partnership_manager"}
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Add a landing page</h2>
          </CardTitle>
          <CardDescription>
            Partners choose from the active pages when they create a campaign link.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <LandingPageForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Allowed pages</h2>
          </CardTitle>
          <CardDescription>
            Default links lead to the default page; links to a page turned off lead to the default page.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Address</TableHead>
                <TableHead className="text-right">Live links</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="w-48">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pages.map((p) => (
                <TableRow key={p.id} data-testid="landing-page">
                  <TableCell className="font-medium">{p.name}</TableCell>
                  <TableCell>
                    <code className="text-xs break-all">{p.url}</code>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{p.links}</TableCell>
                  <TableCell className="flex gap-1">
                    {p.isDefault ? <Badge>Default</Badge> : null}
                    <Badge variant={p.active ? "success" : "secondary"}>{p.active ? "Active" : "Off"}</Badge>
                  </TableCell>
                  <TableCell>
                    <LandingPageControls id={p.id} name={p.name} active={p.active} isDefault={p.isDefault} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
