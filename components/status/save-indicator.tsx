"use client";

import { CheckIcon, CloudOffIcon, LoaderIcon, TriangleAlertIcon } from "lucide-react";
import type { SaveState } from "./use-status-autosave";

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** "Saving…", "Saved at 10:42", offline and error states, announced politely to screen readers. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-indicator"
      className="flex items-center gap-1.5 text-sm text-muted-foreground"
    >
      {state.kind === "saving" ? (
        <>
          <LoaderIcon className="size-4 animate-spin" aria-hidden /> Saving…
        </>
      ) : state.kind === "saved" ? (
        <>
          <CheckIcon className="size-4 text-success" aria-hidden /> Saved at {time(state.at)}
        </>
      ) : state.kind === "dirty" ? (
        <>Unsaved changes (kept on this device)</>
      ) : state.kind === "offline" ? (
        <>
          <CloudOffIcon className="size-4 text-warning" aria-hidden /> Offline — kept on this device, will
          save when back
        </>
      ) : state.kind === "error" ? (
        <span className="flex items-center gap-1.5 text-destructive">
          <TriangleAlertIcon className="size-4" aria-hidden /> Not saved: {state.message}
        </span>
      ) : (
        <>Not saved yet</>
      )}
    </p>
  );
}
