import type { Metadata } from "next";
import Link from "next/link";
import { DirectoryFilters } from "@/components/partners/directory-filters";
import { DirectoryTable } from "@/components/partners/directory-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import {
  getWorkspaceCurrency,
  listDirectory,
  listDirectoryOptions,
  revenueWindow,
} from "@/lib/health/queries";
import { directoryParamsSchema } from "@/lib/health/schemas";

export const metadata: Metadata = { title: "Partners" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PartnersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser(STAFF_ROLES);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const params = directoryParamsSchema.parse(raw);
  const now = new Date();
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const currency = await getWorkspaceCurrency(tx);
    const [partners, options] = [
      await listDirectory(tx, params, now, currency),
      await listDirectoryOptions(tx),
    ];
    return { currency, partners, options };
  });
  const filtered = Boolean(
    params.q || params.domain || params.kind || params.tier || params.status || params.band || params.owner,
  );
  const isvCount = data.partners.filter((p) => p.kind !== "program").length;
  const canReview = user.role === "vp" || user.role === "partnership_manager";
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Partners"
        description={`${filtered ? "Showing " : ""}${isvCount} ISV vendors and ${data.partners.length - isvCount} program partners.`}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href="/partners/compare">Compare &amp; rank</Link>
            </Button>
            {canReview ? (
              <>
                <Button asChild variant="outline" size="sm">
                  <Link href="/partners/applications">Applications</Link>
                </Button>
                <Button asChild variant="outline" size="sm">
                  <Link href="/partners/registrations">Deal registrations</Link>
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <DirectoryFilters tiers={data.options.tiers} owners={data.options.owners} />
      <Card className="overflow-hidden py-0">
        <CardContent className="p-0">
          <DirectoryTable
            partners={data.partners}
            currency={data.currency}
            filtered={filtered}
            revenueLabel={`Won ${revenueWindow(now).label}`}
          />
        </CardContent>
      </Card>
    </div>
  );
}
