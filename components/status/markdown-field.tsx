"use client";

import { BoldIcon, EyeIcon, ItalicIcon, ListIcon, PencilIcon } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Markdown } from "./markdown";

interface MarkdownFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string[];
  readOnly?: boolean;
  placeholder?: string;
}

/** A textarea with a small Markdown toolbar (bold, italic, bullet) and a preview; the text is plain Markdown. */
export function MarkdownField({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  readOnly,
  placeholder,
}: MarkdownFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState(false);
  const errorId = error?.length ? `${id}-error` : undefined;

  const wrap = (before: string, after = before) => {
    const el = ref.current;
    if (!el) return;
    const { selectionStart: start, selectionEnd: end } = el;
    const selected = value.slice(start, end) || "text";
    onChange(`${value.slice(0, start)}${before}${selected}${after}${value.slice(end)}`);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + before.length, start + before.length + selected.length);
    });
  };
  const bullet = () => {
    const el = ref.current;
    if (!el) return;
    const lineStart = value.lastIndexOf("\n", el.selectionStart - 1) + 1;
    onChange(`${value.slice(0, lineStart)}- ${value.slice(lineStart)}`);
    requestAnimationFrame(() => el.focus());
  };

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Label htmlFor={id} className={error?.length ? "text-destructive" : undefined}>
          {label}
        </Label>
        <div role="toolbar" aria-label={`${label} formatting`} className="flex gap-1">
          <Button
            type="button"
            size="icon"
            variant="ghost"
            className="size-8"
            aria-label="Bold"
            disabled={readOnly || preview}
            onClick={() => wrap("**")}
          >
            <BoldIcon />
          </Button>
          <Button
            type="button"
            size="icon"
            variant="ghost"
            className="size-8"
            aria-label="Italic"
            disabled={readOnly || preview}
            onClick={() => wrap("*")}
          >
            <ItalicIcon />
          </Button>
          <Button
            type="button"
            size="icon"
            variant="ghost"
            className="size-8"
            aria-label="Bullet"
            disabled={readOnly || preview}
            onClick={bullet}
          >
            <ListIcon />
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            aria-pressed={preview}
            onClick={() => setPreview((p) => !p)}
          >
            {preview ? <PencilIcon /> : <EyeIcon />} {preview ? "Edit" : "Preview"}
          </Button>
        </div>
      </div>
      {preview ? (
        <div className="min-h-32 rounded-md border px-3 py-2">
          <Markdown text={value} />
        </div>
      ) : (
        <Textarea
          ref={ref}
          id={id}
          value={value}
          readOnly={readOnly}
          placeholder={placeholder}
          className="min-h-40 font-mono text-sm"
          aria-invalid={error?.length ? true : undefined}
          aria-describedby={errorId}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
      )}
      {errorId ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
