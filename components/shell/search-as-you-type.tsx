"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { Input } from "@/components/ui/input";

/**
 * A search box that applies its text as the user types (after a short pause) and at once on Enter.
 * It keeps its own text while the URL catches up, so typing never loses focus or characters; a change
 * of the URL from elsewhere (Clear filters, back button) replaces the text.
 */
export function SearchAsYouType({
  value,
  onSearch,
  delayMs = 250,
  ...props
}: { value: string; onSearch: (text: string) => void; delayMs?: number } & Omit<ComponentProps<typeof Input>, "value" | "defaultValue" | "onChange">) {
  const [text, setText] = useState(value);
  const [applied, setApplied] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  // The URL changed without this box: show what the URL says.
  if (value !== applied) {
    setApplied(value);
    setText(value);
  }
  const apply = (next: string) => {
    clearTimeout(timer.current);
    const trimmed = next.trim();
    if (trimmed === applied.trim()) return;
    setApplied(trimmed);
    latest.current(trimmed);
  };
  return (
    <Input
      type="search"
      autoComplete="off"
      {...props}
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => apply(next), delayMs);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") apply(e.currentTarget.value);
        props.onKeyDown?.(e);
      }}
    />
  );
}
