"use client";

import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/http/problem";
import { parseTemplate } from "@/lib/templates/parse";
import {
  archiveTeamTemplateAction,
  restoreTeamTemplateAction,
  saveTeamTemplateAction,
} from "@/lib/templates/team-actions";

type Problem = { field: string; message: string };

function ProblemList({ problems, id }: { problems: Problem[]; id?: string }) {
  return (
    <ul id={id} className="grid gap-1 text-sm">
      {problems.map((p, i) => (
        <li key={`${p.field}-${i}`}>
          <code className="font-mono text-xs">{p.field}</code> — {p.message}
        </li>
      ))}
    </ul>
  );
}

const flatten = (errors: FieldErrors): Problem[] =>
  Object.entries(errors).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));

/** Tab inserts two spaces; Escape first lets the next Tab leave the editor, so the keyboard is never trapped. */
function useIndentingTab(setSource: (next: string) => void) {
  const releaseTab = useRef(false);
  return function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      releaseTab.current = true;
      return;
    }
    const plainTab =
      event.key === "Tab" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    const release = releaseTab.current;
    releaseTab.current = false;
    if (!plainTab || release) return;
    event.preventDefault();
    const el = event.currentTarget;
    // setRangeText moves the caret past the spaces; the state then matches the element, so React keeps it there.
    el.setRangeText("  ", el.selectionStart, el.selectionEnd, "end");
    setSource(el.value);
  };
}

export interface TeamTemplateEditorProps {
  /** The team template being edited; absent for a new one. */
  slug?: string;
  initialSource: string;
  currentVersion?: number;
  archived?: boolean;
}

export function TeamTemplateEditor({
  slug,
  initialSource,
  currentVersion,
  archived = false,
}: TeamTemplateEditorProps) {
  const router = useRouter();
  const ids = useId();
  const [source, setSource] = useState(initialSource);
  const [failed, setFailed] = useState<{ error: string; problems: Problem[] } | null>(null);
  const [saving, startSaving] = useTransition();
  const [archiving, startArchiving] = useTransition();
  const failedRef = useRef<HTMLDivElement>(null);
  const onSourceKeyDown = useIndentingTab(setSource);
  const deferred = useDeferredValue(source);
  const live = useMemo(
    () => parseTemplate(`team/00-${slug ?? "new"}.md`, deferred).problems,
    [deferred, slug],
  );
  const dirty = source !== initialSource;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  useEffect(() => {
    if (failed) failedRef.current?.focus();
  }, [failed]);

  function save() {
    if (saving) return;
    startSaving(async () => {
      const result = await saveTeamTemplateAction({ slug, source });
      if (!result.ok) {
        if (result.fieldErrors) setFailed({ error: result.error, problems: flatten(result.fieldErrors) });
        else toast.error(result.error);
        return;
      }
      setFailed(null);
      const { version, changed } = result.data;
      toast.success(changed ? `Saved version ${version}` : `No changes to save; still version ${version}`);
      router.push(`/templates/${result.data.slug}`);
    });
  }

  function toggleArchived() {
    if (!slug) return;
    startArchiving(async () => {
      const result = archived
        ? await restoreTeamTemplateAction({ slug })
        : await archiveTeamTemplateAction({ slug });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(
        archived
          ? "Template restored to the library"
          : "Template archived; it no longer shows in the library",
      );
      router.refresh();
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLFormElement>) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save();
    }
  }

  const sourceId = `${ids}-source`;
  const hintId = `${ids}-hint`;
  const failedId = `${ids}-failed`;
  return (
    <form
      aria-label={slug ? "Edit team template" : "New team template"}
      className="grid gap-4"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {failed ? (
        <Alert variant="destructive" ref={failedRef} tabIndex={-1} aria-labelledby={`${failedId}-title`}>
          <AlertTitle id={`${failedId}-title`}>
            {failed.error}: {failed.problems.length} {failed.problems.length === 1 ? "problem" : "problems"}
          </AlertTitle>
          <AlertDescription>
            <ProblemList id={failedId} problems={failed.problems} />
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Label htmlFor={sourceId}>Template source</Label>
          <div className="flex items-center gap-2">
            {archived ? <Badge variant="warning">Archived</Badge> : null}
            {currentVersion ? <Badge variant="outline">Version {currentVersion}</Badge> : null}
            {dirty ? <Badge variant="secondary">Unsaved changes</Badge> : null}
          </div>
        </div>
        <p id={hintId} className="text-sm text-muted-foreground">
          Markdown with YAML frontmatter, as described in the authoring guide. Tab inserts two spaces (press
          Escape, then Tab, to leave the editor); Ctrl+S or ⌘S saves.
        </p>
        <Textarea
          id={sourceId}
          value={source}
          onChange={(event) => setSource(event.target.value)}
          onKeyDown={onSourceKeyDown}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          rows={28}
          aria-describedby={failed ? `${hintId} ${failedId}` : hintId}
          aria-invalid={failed ? true : undefined}
          className="field-sizing-fixed min-h-[32rem] font-mono text-sm leading-relaxed md:text-sm"
        />
      </div>
      <section aria-labelledby={`${ids}-checks`} className="grid gap-2 rounded-md border p-3">
        <h2 id={`${ids}-checks`} className="text-sm font-medium">
          {live.length === 0
            ? "Checks: no problems found"
            : `Checks: ${live.length} ${live.length === 1 ? "problem" : "problems"} to fix before saving`}
        </h2>
        {live.length > 0 ? <ProblemList problems={live} /> : null}
        <p className="text-xs text-muted-foreground">
          Related templates are checked against the library when you save.
        </p>
      </section>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? <Spinner size="sm" label="Saving" /> : null}
          {saving ? "Saving…" : slug ? "Save new version" : "Create template"}
        </Button>
        {slug ? (
          <Button type="button" variant="outline" onClick={toggleArchived} disabled={archiving || saving}>
            {archiving ? <Spinner size="sm" label={archived ? "Restoring" : "Archiving"} /> : null}
            {archived ? "Restore to library" : "Archive"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
