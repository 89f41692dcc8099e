"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { getMyStatusAction, saveStatusDraftAction, submitStatusAction } from "@/lib/status/actions";

export interface StatusValues {
  accomplishments: string;
  plans: string;
  kpis: Record<string, number | string>;
}

export type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "error"; message: string };

interface LocalCopy {
  values: StatusValues;
  baseRevision: number;
  editedAt: number;
}

const AUTOSAVE_MS = 3000;
const RETRY_MS = 10_000;

const same = (a: StatusValues, b: StatusValues) => JSON.stringify(a) === JSON.stringify(b);

function readLocal(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

/** Decides whether the copy kept on this device holds edits the server never received. */
function localIsNewer(
  local: LocalCopy,
  server: { values: StatusValues; revision: number; updatedAt: string | null },
): boolean {
  if (same(local.values, server.values)) return false;
  if (local.baseRevision >= server.revision) return true;
  return server.updatedAt !== null && local.editedAt > new Date(server.updatedAt).getTime();
}

/**
 * The status form's save loop: every change is copied to localStorage at once (a reload or an offline
 * blip loses nothing), saved to the server 3 s after typing stops or on blur, one save at a time, and a
 * 409 from a stale revision reloads the server's newer text instead of overwriting it.
 */
export function useStatusAutosave(options: {
  storageKey: string;
  weekStart: string;
  initial: StatusValues;
  revision: number;
  updatedAt: string | null;
}) {
  const { storageKey, weekStart } = options;
  const [values, setValues] = useState(options.initial);
  const [state, setState] = useState<SaveState>(
    options.updatedAt ? { kind: "saved", at: options.updatedAt } : { kind: "idle" },
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const valuesRef = useRef(options.initial);
  const revisionRef = useRef(options.revision);
  const dirtyRef = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const writeLocal = useCallback(() => {
    const copy: LocalCopy = {
      values: valuesRef.current,
      baseRevision: revisionRef.current,
      editedAt: Date.now(),
    };
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(copy));
    } catch {
      // A full or disabled localStorage only loses the offline copy; the server save still runs.
    }
  }, [storageKey]);

  const reloadFromServer = useCallback(async () => {
    const current = await getMyStatusAction({ weekStart });
    if (!current.ok || !current.data) return;
    const next = {
      accomplishments: current.data.accomplishments,
      plans: current.data.plans,
      kpis: current.data.kpis,
    };
    valuesRef.current = next;
    revisionRef.current = current.data.revision;
    dirtyRef.current = false;
    window.localStorage.removeItem(storageKey);
    setValues(next);
    setState({ kind: "saved", at: new Date(current.data.updatedAt).toISOString() });
    toast.info("A newer version of your status was saved elsewhere, so it has been loaded here.");
  }, [storageKey, weekStart]);

  const runSave = useCallback(async (): Promise<void> => {
    if (!dirtyRef.current) return;
    const snapshot = valuesRef.current;
    dirtyRef.current = false;
    setState({ kind: "saving" });
    try {
      const result = await saveStatusDraftAction({
        weekStart,
        baseRevision: revisionRef.current,
        ...snapshot,
      });
      if (result.ok) {
        revisionRef.current = result.data.revision;
        setFieldErrors({});
        if (dirtyRef.current) writeLocal();
        else window.localStorage.removeItem(storageKey);
        setState(dirtyRef.current ? { kind: "dirty" } : { kind: "saved", at: result.data.updatedAt });
      } else if (result.status === 409) {
        await reloadFromServer();
      } else {
        // Refused input waits for the next edit rather than retrying; the local copy keeps the text.
        setFieldErrors(result.fieldErrors ?? {});
        setState({ kind: "error", message: result.error });
      }
    } catch {
      // The request never reached the server: keep the local copy and try again when back online.
      dirtyRef.current = true;
      setState({ kind: "offline" });
    }
  }, [reloadFromServer, storageKey, weekStart, writeLocal]);

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    const run = runSave().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = run;
    await run;
  }, [runSave]);

  const change = useCallback(
    (next: StatusValues) => {
      valuesRef.current = next;
      dirtyRef.current = true;
      setValues(next);
      setState({ kind: "dirty" });
      writeLocal();
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [save, writeLocal],
  );

  // On load, a copy on this device newer than the server's wins (a reload mid-typing), then saves.
  useEffect(() => {
    const local = readLocal(storageKey);
    if (!local) return;
    if (
      !localIsNewer(local, {
        values: options.initial,
        revision: options.revision,
        updatedAt: options.updatedAt,
      })
    ) {
      window.localStorage.removeItem(storageKey);
      return;
    }
    // Applied after the first paint, as a read from an external store, so hydration matches the server.
    const restore = setTimeout(() => {
      change(local.values);
      toast.info("Restored the edits you made on this device.");
    }, 0);
    return () => clearTimeout(restore);
    // Only on mount: later changes come through `change`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const retry = () => {
      if (dirtyRef.current) void save();
    };
    window.addEventListener("online", retry);
    const interval = setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      clearInterval(interval);
      clearTimeout(timer.current);
    };
  }, [save]);

  const submit = useCallback(async () => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    setState({ kind: "saving" });
    const result = await submitStatusAction({
      weekStart,
      baseRevision: revisionRef.current,
      ...valuesRef.current,
    });
    if (result.ok) {
      revisionRef.current = result.data.revision;
      dirtyRef.current = false;
      window.localStorage.removeItem(storageKey);
      setFieldErrors({});
      setState({ kind: "saved", at: result.data.updatedAt });
    } else if (result.status === 409) {
      await reloadFromServer();
    } else {
      setFieldErrors(result.fieldErrors ?? {});
      setState({ kind: "error", message: result.error });
    }
    return result;
  }, [reloadFromServer, storageKey, weekStart]);

  return { values, change, save, submit, state, fieldErrors };
}
