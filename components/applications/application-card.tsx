import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ApplicationRow } from "@/lib/applications/queries";
import { CONTACT_LABELS, EXPERIENCE_LABELS, SOCIAL_FIELDS } from "@/lib/applications/schemas";
import { formatMoney } from "@/lib/money";
import { ApproveButton, RejectDialog } from "./review-actions";

const dateFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

const STATUS_BADGE = {
  pending: { label: "Pending", variant: "warning" },
  approved: { label: "Approved", variant: "success" },
  rejected: { label: "Rejected", variant: "destructive" },
} as const;

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="text-sm break-words">{children}</dd>
    </div>
  );
}

export function ApplicationCard({
  application: a,
  currency,
}: {
  application: ApplicationRow;
  currency: string;
}) {
  const badge = STATUS_BADGE[a.status];
  const socials = SOCIAL_FIELDS.filter((f) => a.socialHandles[f.key]);
  return (
    <Card data-testid="application" aria-labelledby={`app-${a.id}`}>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle>
            <h2 id={`app-${a.id}`} className="text-base">
              {a.company}
            </h2>
          </CardTitle>
          <p className="text-sm text-muted-foreground">
            {a.contactName} ·{" "}
            <a className="underline-offset-4 hover:underline" href={`mailto:${a.email}`}>
              {a.email}
            </a>{" "}
            · applied {dateFormat.format(a.createdAt)} UTC
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant={badge.variant}>{badge.label}</Badge>
          {a.autoApproved ? <Badge variant="outline">Auto-approved</Badge> : null}
          {a.source === "signup" ? <Badge variant="outline">Signed up</Badge> : null}
          {a.status === "pending" ? (
            <>
              <ApproveButton applicationId={a.id} company={a.company} />
              <RejectDialog applicationId={a.id} company={a.company} />
            </>
          ) : null}
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Detail term="Industry">{a.industry}</Detail>
          <Detail term="Experience">{EXPERIENCE_LABELS[a.experience]}</Detail>
          <Detail term="Monthly goal">
            {a.monthlyGoalMinor == null ? "Not given" : formatMoney(a.monthlyGoalMinor, currency)}
          </Detail>
          <Detail term="Website">
            {a.website ? (
              <a
                href={a.website}
                target="_blank"
                rel="noreferrer noopener"
                className="text-primary underline-offset-4 hover:underline"
              >
                {a.website.replace(/^https?:\/\//, "")}
              </a>
            ) : (
              "None"
            )}
          </Detail>
          <Detail term="Phone">{a.phone ?? "Not given"}</Detail>
          <Detail term="Prefers">
            {a.contactPreferences
              .map((p) => CONTACT_LABELS[p as keyof typeof CONTACT_LABELS] ?? p)
              .join(", ") || "Not given"}
          </Detail>
          {socials.length > 0 ? (
            <Detail term="Social">
              {socials.map((f) => `${f.label}: ${a.socialHandles[f.key]}`).join(" · ")}
            </Detail>
          ) : null}
        </dl>
        {a.message ? (
          <p className="whitespace-pre-line rounded-md bg-muted/60 p-3 text-sm">{a.message}</p>
        ) : null}
        {a.status !== "pending" ? (
          <p className="text-sm text-muted-foreground">
            {a.status === "approved" ? "Approved" : "Rejected"}
            {a.reviewerName ? ` by ${a.reviewerName}` : a.autoApproved ? " by the auto-approve rule" : ""}
            {a.reviewedAt ? ` on ${dateFormat.format(a.reviewedAt)} UTC` : ""}
            {a.rejectionReason ? `. Reason: ${a.rejectionReason}` : ""}
            {a.partnerId ? (
              <>
                {" · "}
                <Link
                  href={`/partners/${a.partnerId}`}
                  className="text-primary underline-offset-4 hover:underline"
                >
                  Open partner
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
