"use client";

import { RefreshCwIcon, SendIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { getWeekActivityAction } from "@/lib/status/actions";
import type { KpiField } from "@/lib/status/schemas";
import { MarkdownField } from "./markdown-field";
import { SaveIndicator } from "./save-indicator";
import { useStatusAutosave, type StatusValues } from "./use-status-autosave";

export interface StatusFormProps {
  userId: string;
  weekStart: string;
  initial: StatusValues;
  revision: number;
  updatedAt: string | null;
  submittedAt: string | null;
  kpiFields: readonly KpiField[];
}

export function StatusForm(props: StatusFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { values, change, save, submit, state, fieldErrors } = useStatusAutosave({
    storageKey: `partneros:status:${props.userId}:${props.weekStart}`,
    weekStart: props.weekStart,
    initial: props.initial,
    revision: props.revision,
    updatedAt: props.updatedAt,
  });
  const set = (patch: Partial<StatusValues>) => change({ ...values, ...patch });
  const setKpi = (field: KpiField, raw: string) => {
    const kpis = { ...values.kpis };
    if (raw === "") delete kpis[field.key];
    else kpis[field.key] = field.kind === "text" ? raw : Number(raw);
    set({ kpis });
  };

  const addActivity = () =>
    startTransition(async () => {
      const result = await getWeekActivityAction({ weekStart: props.weekStart });
      if (!result.ok) return void toast.error(result.error);
      const fresh = result.data.filter((line) => !values.accomplishments.includes(line));
      if (fresh.length === 0)
        return void toast.info("Everything from this week's activity is already in your status.");
      set({ accomplishments: [values.accomplishments.trimEnd(), ...fresh].filter(Boolean).join("\n") });
      toast.success(`Added ${fresh.length} item${fresh.length === 1 ? "" : "s"} from this week's activity.`);
    });

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await submit();
        if (result.ok) {
          toast.success("Status submitted");
          router.refresh();
        } else if (result.status !== 409 && !result.fieldErrors) toast.error(result.error);
      } catch {
        toast.error(
          "You appear to be offline. Your text is kept on this device; submit again when back online.",
        );
      }
    });
  };

  return (
    <form aria-label="Weekly status" onSubmit={onSubmit} className="grid gap-6" noValidate>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle className="flex items-center gap-2">
            This week{" "}
            {props.submittedAt ? (
              <Badge variant="success">Submitted</Badge>
            ) : (
              <Badge variant="outline">Draft</Badge>
            )}
          </CardTitle>
          <SaveIndicator state={state} />
        </CardHeader>
        <CardContent className="grid gap-6">
          <MarkdownField
            id="status-accomplishments"
            label="Accomplishments"
            value={values.accomplishments}
            onChange={(accomplishments) => set({ accomplishments })}
            onBlur={() => void save()}
            error={fieldErrors.accomplishments}
            placeholder="- What moved forward this week"
          />
          <div>
            <Button type="button" variant="outline" size="sm" onClick={addActivity} disabled={pending}>
              <RefreshCwIcon /> Add new activity from this week
            </Button>
          </div>
          <MarkdownField
            id="status-plans"
            label="Next week's plan"
            value={values.plans}
            onChange={(plans) => set({ plans })}
            onBlur={() => void save()}
            error={fieldErrors.plans}
            placeholder="- What you will do next week"
          />
          {props.kpiFields.length ? (
            <fieldset className="grid gap-4 sm:grid-cols-2">
              <legend className="mb-2 text-sm font-medium">Key figures</legend>
              {props.kpiFields.map((field) => (
                <FormField
                  key={field.key}
                  id={`kpi-${field.key}`}
                  label={field.label}
                  error={fieldErrors[`kpis.${field.key}`]}
                  className={field.kind === "text" ? "sm:col-span-2" : undefined}
                >
                  {field.kind === "text" ? (
                    <Textarea
                      value={String(values.kpis[field.key] ?? "")}
                      maxLength={500}
                      onChange={(e) => setKpi(field, e.target.value)}
                      onBlur={() => void save()}
                    />
                  ) : (
                    <Input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      value={values.kpis[field.key] ?? ""}
                      onChange={(e) => setKpi(field, e.target.value)}
                      onBlur={() => void save()}
                    />
                  )}
                </FormField>
              ))}
            </fieldset>
          ) : null}
          {fieldErrors.weekStart ? (
            <p role="alert" className="text-sm text-destructive">
              {fieldErrors.weekStart.join(" ")}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending}>
              <SendIcon /> {props.submittedAt ? "Submit again" : "Submit status"}
            </Button>
            <p className="text-sm text-muted-foreground">
              Your draft saves by itself; submitting tells the VP it is ready.
            </p>
          </div>
        </CardContent>
      </Card>
    </form>
  );
}
