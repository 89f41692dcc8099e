import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import Link from "next/link";
import { ApplicationCard } from "@/components/applications/application-card";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listApplications } from "@/lib/applications/queries";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getWorkspaceCurrency } from "@/lib/settings/workspace-queries";

export const metadata: Metadata = { title: "Partner applications" };

export default async function ApplicationsPage() {
  const user = await requireUser(["vp", "partnership_manager"]);
  const { applications, currency } = await withSession({ claims: user.claims }, async (tx) => {
    return { applications: await listApplications(tx), currency: await getWorkspaceCurrency(tx) };
  });
  const pending = applications.filter((a) => a.status === "pending");
  const reviewed = applications.filter((a) => a.status !== "pending");
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Partner applications"
        description={`${pending.length} waiting for review. Approving creates the partner, its referral agreement and link, and emails an invitation.`}
        actions={
          <Link href="/partners" className="text-sm text-primary underline-offset-4 hover:underline">
            Back to partners
          </Link>
        }
      />
      <section aria-labelledby="pending-title" className="grid gap-4">
        <h2 id="pending-title" className="text-lg font-semibold">
          Waiting for review
        </h2>
        {pending.length === 0 ? (
          <EmptyState
            icon={Inbox}
            title="No applications waiting"
            description={
              <>
                New applications from the{" "}
                <Link href="/program" className="text-primary underline-offset-4 hover:underline">
                  public program page
                </Link>{" "}
                appear here.
              </>
            }
          />
        ) : (
          pending.map((a) => <ApplicationCard key={a.id} application={a} currency={currency} />)
        )}
      </section>
      {reviewed.length > 0 ? (
        <section aria-labelledby="reviewed-title" className="grid gap-4">
          <h2 id="reviewed-title" className="text-lg font-semibold">
            Recently reviewed
          </h2>
          {reviewed.map((a) => (
            <ApplicationCard key={a.id} application={a} currency={currency} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
