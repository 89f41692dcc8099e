"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export type FieldErrors = Record<string, string[]>;

interface Problem {
  title?: string;
  detail?: string;
  type?: string;
  errors?: FieldErrors;
}

export interface JsonFormState {
  pending: boolean;
  fieldErrors: FieldErrors;
  formError: { title: string; detail?: string; code?: string } | null;
}

/** Submits a form as JSON to an auth endpoint and maps its problem response onto fields. */
export function useJsonForm(endpoint: string, options: { onSuccess?: (body: Record<string, unknown>) => void } = {}) {
  const router = useRouter();
  const [state, setState] = useState<JsonFormState>({ pending: false, fieldErrors: {}, formError: null });

  async function submit(event: React.FormEvent<HTMLFormElement>, extra: Record<string, unknown> = {}) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget).entries());
    setState({ pending: true, fieldErrors: {}, formError: null });
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...data, ...extra }),
      });
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown> & Problem;
      if (!response.ok) {
        const errors = body.errors ?? {};
        const fieldKeys = Object.keys(errors).filter((k) => k !== "_form");
        setState({
          pending: false,
          fieldErrors: errors,
          formError:
            fieldKeys.length > 0 && !body.detail
              ? null
              : { title: body.title ?? "That did not work", detail: body.detail, code: body.type?.split("/").pop() },
        });
        return;
      }
      setState({ pending: false, fieldErrors: {}, formError: null });
      if (options.onSuccess) options.onSuccess(body);
      else if (typeof body.next === "string") {
        router.replace(body.next);
        router.refresh();
      }
    } catch {
      setState({ pending: false, fieldErrors: {}, formError: { title: "We could not reach PartnerOS", detail: "Check your connection and try again." } });
    }
  }

  return { ...state, submit };
}
