"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { acceptDocumentsAction } from "@/lib/onboarding/actions";
import type { CurrentDocument } from "@/lib/onboarding/queries";
import { useStepForm } from "./use-step-form";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export function DocumentsStep({ documents, next }: { documents: CurrentDocument[]; next: string }) {
  const form = useStepForm(acceptDocumentsAction, next, "Thank you: acceptance recorded");
  const open = documents.filter((d) => !d.acceptedAt);
  if (documents.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        No program documents are published yet. Nothing to accept for now.
      </p>
    );
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Program documents" className="grid gap-6">
      {documents.map((doc) => (
        <section key={doc.id} aria-labelledby={`doc-${doc.id}`} className="grid gap-2">
          <h3 id={`doc-${doc.id}`} className="font-medium">
            {doc.title}{" "}
            <span className="text-sm font-normal text-muted-foreground">version {doc.version}</span>
          </h3>
          {doc.previouslyAcceptedVersion && !doc.acceptedAt ? (
            <p className="text-sm text-warning">
              A new version was published on {dateFormat.format(doc.publishedAt)}. You accepted version{" "}
              {doc.previouslyAcceptedVersion}; please review and accept this one.
            </p>
          ) : null}
          <div
            tabIndex={0}
            role="region"
            aria-label={`${doc.title} text`}
            className="max-h-56 overflow-y-auto whitespace-pre-line rounded-md border bg-muted/30 p-3 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            {doc.body}
          </div>
          {doc.acceptedAt ? (
            <p className="text-sm text-success">Accepted on {dateFormat.format(doc.acceptedAt)}.</p>
          ) : (
            <div className="flex items-center gap-2">
              <Checkbox id={`accept-${doc.id}`} name="documentId" value={doc.id} required />
              <Label htmlFor={`accept-${doc.id}`} className="font-normal">
                I accept the {doc.title} (version {doc.version}) on behalf of my organisation
              </Label>
            </div>
          )}
        </section>
      ))}
      {form.errors.documentId ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {form.errors.documentId.join(" ")}
        </p>
      ) : null}
      {open.length > 0 ? (
        <div>
          <Button type="submit" disabled={form.pending}>
            {form.pending ? <Spinner size="sm" label="Saving" /> : null}
            Accept and continue
          </Button>
        </div>
      ) : null}
    </form>
  );
}
