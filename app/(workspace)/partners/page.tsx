import type { Metadata } from "next";
import { Handshake } from "lucide-react";
import Link from "next/link";
import { DOMAIN_LABELS, healthBand, KIND_LABELS } from "@/components/partners/labels";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listPartners } from "@/lib/partners/queries";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage() {
  const user = await requireUser(STAFF_ROLES);
  const partners = await withSession({ claims: user.claims }, (tx) => listPartners(tx));
  const isvCount = partners.filter((p) => p.kind !== "program").length;
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Partners"
        description={`${isvCount} ISV vendors and ${partners.length - isvCount} program partners.`}
        actions={
          user.role === "vp" || user.role === "partnership_manager" ? (
            <>
              <Button asChild variant="outline" size="sm">
                <Link href="/partners/applications">Applications</Link>
              </Button>
              <Button asChild variant="outline" size="sm">
                <Link href="/partners/registrations">Deal registrations</Link>
              </Button>
            </>
          ) : null
        }
      />
      <Card className="overflow-hidden py-0">
        <CardContent className="p-0">
          {partners.length === 0 ? (
            <div className="py-12">
              <EmptyState
                icon={Handshake}
                title="No partners yet"
                description="Partners appear here when they apply or when your team adds them."
              />
            </div>
          ) : (
            <Table>
              <TableCaption className="sr-only">All partners</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Partner</TableHead>
                  <TableHead>Kind</TableHead>
                  <TableHead className="hidden lg:table-cell">Domain</TableHead>
                  <TableHead>Tier</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="hidden md:table-cell">Health</TableHead>
                  <TableHead className="hidden xl:table-cell">Owner</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {partners.map((p) => {
                  const health = healthBand(p.healthScore);
                  return (
                    <TableRow key={p.id}>
                      <TableCell className="font-medium">
                        <Link href={`/partners/${p.id}`} className="underline-offset-4 hover:underline">
                          {p.name}
                        </Link>
                      </TableCell>
                      <TableCell>{KIND_LABELS[p.kind]}</TableCell>
                      <TableCell className="hidden lg:table-cell">
                        {p.domain ? DOMAIN_LABELS[p.domain] : "—"}
                      </TableCell>
                      <TableCell>{p.tierName ?? "—"}</TableCell>
                      <TableCell className="capitalize">{p.status}</TableCell>
                      <TableCell className="hidden md:table-cell">
                        <Badge variant={health.variant}>
                          {p.healthScore ?? "–"} · {health.label}
                        </Badge>
                      </TableCell>
                      <TableCell className="hidden xl:table-cell">{p.ownerName ?? "—"}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
