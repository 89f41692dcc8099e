"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { fillMarkdown, needsValue, validateValues, type FillValues } from "@/lib/templates/fill";
import { createFillAction, updateFillAction } from "@/lib/templates/fill-actions";
import { renderHtml } from "@/lib/templates/render/html";
import type { TemplateFrontmatter, TemplateVariable } from "@/lib/templates/schema";
import type { SourceValues } from "@/lib/templates/sources-types";
import { DocumentView } from "./document-view";

type Props = {
  slug: string;
  frontmatter: TemplateFrontmatter;
  body: string;
  sources: SourceValues;
  initial: FillValues;
  title: string;
  partner: { id: string; name: string } | null;
} & ({ mode: "create" } | { mode: "edit"; fillId: string });

const sourceHint = (source: string) => {
  const [group, field] = source.split(".") as [string, string];
  return `Live from ${group === "metrics" ? "today's figures" : group === "date" ? "the calendar" : `the ${group}`}: ${field.replace(/_/g, " ")}`;
};

/** Where the value comes from, or what the document says when it stays empty. */
function fieldHint(v: TemplateVariable, sources: SourceValues): string | undefined {
  if (v.source && sources[v.source] !== undefined) return sourceHint(v.source);
  const empty = v.missing ? `Left empty, the document says: “${v.missing}”.` : undefined;
  const noLive = v.source ? "No live value for this one." : undefined;
  return [noLive, v.help, empty].filter(Boolean).join(" ") || undefined;
}

type FieldInputProps = {
  v: TemplateVariable;
  value: string;
  onChange: (value: string) => void;
  id?: string;
  "aria-invalid"?: React.AriaAttributes["aria-invalid"];
  "aria-describedby"?: string;
};

/** FormField hands the id and aria attributes to this element; they go on the real control. */
function FieldInput({ v, value, onChange, ...aria }: FieldInputProps) {
  const common = { ...aria, name: v.name, value, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  if (v.type === "longtext") return <Textarea {...common} rows={4} />;
  if (v.type === "select")
    return (
      <NativeSelect {...common}>
        <NativeSelectOption value="">Choose…</NativeSelectOption>
        {v.options?.map((o) => (
          <NativeSelectOption key={o} value={o}>
            {o}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    );
  const type = v.type === "date" ? "date" : v.type === "email" ? "email" : v.type === "url" ? "url" : "text";
  const inputMode = ["number", "currency", "percent"].includes(v.type) ? ("decimal" as const) : undefined;
  return <Input {...common} type={type} inputMode={inputMode} autoComplete="off" />;
}

/** The form generated from a template's variables, with live values filled in and a preview of the document. */
export function FillForm(props: Props) {
  const { frontmatter: fm, sources } = props;
  const router = useRouter();
  const [values, setValues] = useState<FillValues>(props.initial);
  const [title, setTitle] = useState(props.title);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const [preview, setPreview] = useState(false);
  const fields = fm.variables.filter((v) => v.type !== "table" && v.type !== "chart");
  const blocks = fm.variables.filter((v) => v.type === "table" || v.type === "chart");
  const html = useMemo(
    () => (preview ? renderHtml(fillMarkdown(fm, props.body, values, sources), { includeGuidance: false }) : ""),
    [preview, fm, props.body, values, sources],
  );

  const focusFirst = (found: Record<string, string>) => {
    const first = ["title", ...fields.map((v) => v.name)].find((name) => found[name]);
    if (first) document.getElementById(first === "title" ? "fill-title" : `field-${first}`)?.focus();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const local = validateValues(fm, values);
    if (!title.trim()) local.title = "Give the document a title";
    if (Object.keys(local).length) {
      setErrors(local);
      focusFirst(local);
      toast.error("Some fields need attention");
      return;
    }
    startTransition(async () => {
      const result =
        props.mode === "create"
          ? await createFillAction({ slug: props.slug, partnerId: props.partner?.id ?? null, title, values })
          : await updateFillAction({ fillId: props.fillId, title, values });
      if (result.ok) {
        toast.success(props.mode === "create" ? "Document saved" : "New version saved");
        router.push(`/templates/fills/${result.data.fillId}`);
        return;
      }
      const next: Record<string, string> = {};
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) next[key.replace(/^values\./, "")] = messages[0] ?? "Invalid";
      setErrors(next);
      focusFirst(next);
      toast.error(result.error);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Fill the template" className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Document</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <FormField id="fill-title" label="Title" error={errors.title}>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
          </FormField>
          {blocks.length ? (
            <p className="self-end text-sm text-muted-foreground">
              Live {blocks.map((b) => b.label.toLowerCase()).join(", ")} come from the database when you save.
            </p>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Fields</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid items-start gap-4 md:grid-cols-2">
          {fields.map((v) => (
            <FormField
              key={v.name}
              id={`field-${v.name}`}
              label={`${v.label}${needsValue(v) ? " (required)" : ""}`}
              error={errors[v.name]}
              description={fieldHint(v, sources)}
              className={v.type === "longtext" ? "md:col-span-2" : undefined}
            >
              <FieldInput v={v} value={values[v.name] ?? ""} onChange={(value) => setValues((prev) => ({ ...prev, [v.name]: value }))} />
            </FormField>
          ))}
        </CardContent>
      </Card>
      <div className="sticky bottom-0 z-10 flex flex-wrap gap-2 border-t bg-background/95 py-3 backdrop-blur">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "create" ? "Save document" : "Save new version"}
        </Button>
        <Button type="button" variant="outline" onClick={() => setPreview((p) => !p)} aria-expanded={preview} aria-controls="fill-preview">
          {preview ? "Hide preview" : "Preview"}
        </Button>
      </div>
      {preview ? (
        <Card id="fill-preview">
          <CardHeader>
            <CardTitle>
              <h2>Preview</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <DocumentView html={html} label={`Preview of ${title}`} />
          </CardContent>
        </Card>
      ) : null}
    </form>
  );
}
