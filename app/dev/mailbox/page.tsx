import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { withSystem } from "@/lib/db/session";
import { listOutboxMessages } from "@/lib/email/outbox";
import { isDevMailboxEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all text-primary underline underline-offset-4">
        {part}
      </a>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}

/** Every email the local adapter "sent", newest first; only exists with local email delivery. */
export default async function DevMailboxPage() {
  if (!isDevMailboxEnabled()) notFound();
  const messages = await withSystem("dev.mailbox", (tx) =>
    listOutboxMessages(tx),
  );
  return (
    <main className="mx-auto grid max-w-3xl gap-6 px-4 py-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Dev mailbox</h1>
        <p className="text-sm text-muted-foreground">Emails written to the outbox on this installation. Nothing here left the machine.</p>
      </header>
      {messages.length === 0 ? (
        <EmptyState icon={Inbox} title="No emails yet" description="Sign up, reset a password or invite someone, and the email appears here." />
      ) : (
        <ul className="grid gap-4" aria-label="Emails">
          {messages.map((m) => (
            <li key={m.id}>
              <Card data-testid="mailbox-message">
                <CardHeader>
                  <CardTitle className="text-base">{m.subject}</CardTitle>
                  <CardDescription className="flex flex-wrap items-center gap-2">
                    <span>To {m.toEmail}</span>
                    <span aria-hidden>·</span>
                    <time dateTime={m.createdAt.toISOString()}>{timeFormat.format(m.createdAt)}</time>
                    <Badge variant={m.status === "sent" ? "success" : m.status === "failed" ? "destructive" : "secondary"}>{m.status}</Badge>
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <p className="whitespace-pre-wrap text-sm">{linkify(m.textBody)}</p>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
