"use client";

import { ArrowUpRightIcon, Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { addBlockerAction, removeBlockerAction, updateBlockerAction } from "@/lib/status/blocker-actions";
import { SEVERITIES, type Severity } from "@/lib/status/schemas";
import { SeverityBadge, type BlockerView } from "./severity-badge";

export function BlockersPanel({ weekStart, blockers }: { weekStart: string; blockers: BlockerView[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [description, setDescription] = useState("");
  const [severity, setSeverity] = useState<Severity>("medium");
  const [escalated, setEscalated] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, success: string) =>
    startTransition(async () => {
      const result = await fn();
      if (!result.ok) return void toast.error(result.error);
      toast.success(success);
      router.refresh();
    });

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await addBlockerAction({ weekStart, description, severity, escalated });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
        return;
      }
      setErrors({});
      setDescription("");
      setEscalated(false);
      toast.success(escalated ? "Blocker added and escalated to the VP" : "Blocker added");
      router.refresh();
    });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Blockers</CardTitle>
        <CardDescription>What stands in your way. Escalate the ones the VP needs to act on.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {blockers.length === 0 ? (
          <p className="text-sm text-muted-foreground">No blockers this week.</p>
        ) : (
          <ul className="grid gap-3" aria-label="Blockers">
            {blockers.map((b) => (
              <li key={b.id} data-testid="blocker" className="grid gap-2 rounded-md border p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={b.severity} />
                  {b.escalated ? <Badge variant="warning">Escalated to VP</Badge> : null}
                  {b.resolvedAt ? <Badge variant="success">Resolved</Badge> : null}
                </div>
                <p className="text-sm whitespace-pre-wrap">{b.description}</p>
                {b.resolution ? (
                  <p className="text-sm text-muted-foreground">Resolution: {b.resolution}</p>
                ) : null}
                {!b.resolvedAt ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <NativeSelect
                      size="sm"
                      aria-label="Severity"
                      wrapperClassName="w-32"
                      value={b.severity}
                      disabled={pending}
                      onChange={(e) =>
                        run(
                          () => updateBlockerAction({ id: b.id, severity: e.target.value as Severity }),
                          "Severity updated",
                        )
                      }
                    >
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </NativeSelect>
                    {!b.escalated ? (
                      <Button
                        type="button"
                        size="sm"
                        variant="outline"
                        disabled={pending}
                        onClick={() =>
                          run(() => updateBlockerAction({ id: b.id, escalated: true }), "Escalated to the VP")
                        }
                      >
                        <ArrowUpRightIcon /> Escalate to VP
                      </Button>
                    ) : null}
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      disabled={pending}
                      aria-label={`Remove blocker: ${b.description.slice(0, 40)}`}
                      onClick={() => run(() => removeBlockerAction({ id: b.id }), "Blocker removed")}
                    >
                      <Trash2Icon /> Remove
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <form aria-label="Add a blocker" onSubmit={add} className="grid gap-3 border-t pt-4" noValidate>
          <FormField id="blocker-description" label="New blocker" error={errors.description}>
            <Textarea
              value={description}
              maxLength={2000}
              onChange={(e) => setDescription(e.target.value)}
              placeholder="What is blocked, and what would unblock it"
            />
          </FormField>
          <div className="flex flex-wrap items-end gap-4">
            <FormField id="blocker-severity" label="Severity" error={errors.severity} className="w-40">
              <NativeSelect value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s[0]!.toUpperCase() + s.slice(1)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <div className="flex h-9 items-center gap-2">
              <Checkbox
                id="blocker-escalate"
                checked={escalated}
                onCheckedChange={(v) => setEscalated(v === true)}
              />
              <Label htmlFor="blocker-escalate">Escalate to VP</Label>
            </div>
            <Button type="submit" variant="secondary" disabled={pending}>
              Add blocker
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
