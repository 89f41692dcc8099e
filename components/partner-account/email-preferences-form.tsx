"use client";

import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { updateEmailPreferencesAction } from "@/lib/partner-account/actions";
import { EMAIL_EVENTS, wantsEmail } from "@/lib/partner-account/schemas";

export function EmailPreferencesForm({ preferences }: { preferences: Record<string, boolean> }) {
  const form = useActionForm(updateEmailPreferencesAction, "Email preferences saved");
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Email preferences" className="grid gap-4">
      <fieldset className="grid gap-3">
        <legend className="sr-only">Email me about</legend>
        {EMAIL_EVENTS.map((event) => (
          <div key={event.key} className="flex items-start gap-3">
            <Checkbox
              id={`pref-${event.key}`}
              name={event.key}
              value="on"
              defaultChecked={wantsEmail(preferences, event.key)}
              aria-describedby={`pref-${event.key}-hint`}
              className="mt-0.5"
            />
            <div className="grid gap-0.5">
              <Label htmlFor={`pref-${event.key}`}>{event.label}</Label>
              <p id={`pref-${event.key}-hint`} className="text-sm text-muted-foreground">
                {event.description}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div>
        <Button type="submit" variant="outline" disabled={form.pending}>
          Save preferences
        </Button>
      </div>
    </form>
  );
}
