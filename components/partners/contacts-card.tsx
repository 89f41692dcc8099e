"use client";

import { Star } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { setPrimaryContactAction } from "@/lib/health/actions";
import { ContactDialog, type ContactView } from "./contact-dialog";

/** Contacts with the primary one first and marked; the VP and partnership managers edit them. */
export function ContactsCard({
  partnerId,
  contacts,
  primaryId,
  canEdit,
}: {
  partnerId: string;
  contacts: ContactView[];
  primaryId: string | null;
  canEdit: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const sorted = [...contacts].sort((a, b) => Number(b.id === primaryId) - Number(a.id === primaryId));
  const makePrimary = (c: ContactView) =>
    startTransition(async () => {
      const result = await setPrimaryContactAction({ partnerId, contactId: c.id });
      if (result.ok) toast.success(`${c.name} is now the primary contact`);
      else toast.error(result.error);
    });
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>
          <h2>Contacts</h2>
        </CardTitle>
        {canEdit ? <ContactDialog partnerId={partnerId} /> : null}
      </CardHeader>
      <CardContent>
        {sorted.length === 0 ? (
          <p className="text-sm text-muted-foreground">No contacts yet.</p>
        ) : (
          <ul className="grid gap-3 text-sm" aria-label="Contacts">
            {sorted.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="contact">
                <span className="font-medium">{c.name}</span>
                {c.id === primaryId ? (
                  <Badge variant="success">
                    <Star aria-hidden /> Primary
                  </Badge>
                ) : null}
                {c.title ? <span className="text-muted-foreground">· {c.title}</span> : null}
                {c.email ? (
                  <a className="text-primary underline-offset-4 hover:underline" href={`mailto:${c.email}`}>
                    {c.email}
                  </a>
                ) : null}
                {c.phone ? <span className="text-muted-foreground">{c.phone}</span> : null}
                {canEdit ? (
                  <span className="ml-auto flex gap-1">
                    {c.id !== primaryId ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending}
                        onClick={() => makePrimary(c)}
                        aria-label={`Make ${c.name} the primary contact`}
                      >
                        Make primary
                      </Button>
                    ) : null}
                    <ContactDialog partnerId={partnerId} contact={c} isPrimary={c.id === primaryId} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
