"use client";

import { FileIcon, Trash2Icon, UploadIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { deleteAttachmentAction, uploadAttachmentAction } from "@/lib/status/attachment-actions";
import { ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES } from "@/lib/storage/validate";

export interface AttachmentView {
  id: string;
  fileName: string;
  sizeBytes: number;
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** Checked here for a quick answer, and again on the server (by content) before anything is stored. */
function precheck(file: File): string | null {
  if (file.size > MAX_ATTACHMENT_BYTES)
    return `The file is ${(file.size / 1048576).toFixed(1)} MB; attachments can be at most 10 MB`;
  const ext = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  if (!ALLOWED_EXTENSIONS.includes(ext))
    return `“.${ext || "?"}” files cannot be attached. Allowed: ${ALLOWED_EXTENSIONS.join(", ")}`;
  return null;
}

export function AttachmentsPanel({
  weekStart,
  attachments,
}: {
  weekStart: string;
  attachments: AttachmentView[];
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const upload = (event: React.FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError("Choose a file");
    const problem = precheck(file);
    if (problem) return setError(problem);
    const form = new FormData();
    form.set("weekStart", weekStart);
    form.set("file", file);
    startTransition(async () => {
      const result = await uploadAttachmentAction(form);
      if (!result.ok) return setError(result.fieldErrors?.file?.join(" ") ?? result.error);
      setError(null);
      if (input.current) input.current.value = "";
      toast.success(`Attached ${result.data.fileName}`);
      router.refresh();
    });
  };

  const remove = (id: string) =>
    startTransition(async () => {
      const result = await deleteAttachmentAction({ id });
      if (!result.ok) return void toast.error(result.error);
      toast.success("Attachment removed");
      router.refresh();
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Attachments</CardTitle>
        <CardDescription>Up to 10 MB each: {ALLOWED_EXTENSIONS.join(", ")}.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {attachments.length === 0 ? (
          <p className="text-sm text-muted-foreground">No attachments.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Attachments">
            {attachments.map((a) => (
              <li
                key={a.id}
                className="flex items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm"
              >
                <a
                  className="flex min-w-0 items-center gap-2 underline-offset-4 hover:underline"
                  href={`/status/attachments/${a.id}`}
                >
                  <FileIcon className="size-4 shrink-0" aria-hidden />
                  <span className="truncate">{a.fileName}</span>
                  <span className="shrink-0 text-muted-foreground">{size(a.sizeBytes)}</span>
                </a>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={pending}
                  aria-label={`Remove ${a.fileName}`}
                  onClick={() => remove(a.id)}
                >
                  <Trash2Icon />
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form
          aria-label="Attach a file"
          onSubmit={upload}
          className="flex flex-wrap items-end gap-3"
          noValidate
        >
          <FormField id="attachment-file" label="File" error={error ?? undefined} className="min-w-0 flex-1">
            <Input
              ref={input}
              type="file"
              accept={ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(",")}
              onChange={() => setError(null)}
            />
          </FormField>
          <Button type="submit" variant="secondary" disabled={pending}>
            <UploadIcon /> Upload
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
