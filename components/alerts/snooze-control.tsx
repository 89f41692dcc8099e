"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { SnoozeChoice } from "@/lib/alerts/schemas";

const CHOICES: { value: SnoozeChoice; label: string }[] = [
  { value: "1d", label: "1 day" },
  { value: "3d", label: "3 days" },
  { value: "next_monday", label: "Next Monday" },
  { value: "custom", label: "Until a date…" },
];

/** How long to snooze, with a date field when "until a date" is chosen; its error shows beside it. */
export function SnoozeControl({
  disabled,
  error,
  onSnooze,
  label = "Snooze",
}: {
  disabled: boolean;
  error?: string[];
  onSnooze: (until: SnoozeChoice, customDate?: string) => void;
  label?: string;
}) {
  const id = useId();
  const [choice, setChoice] = useState<SnoozeChoice>("1d");
  const [date, setDate] = useState("");
  return (
    <div className="flex flex-wrap items-start gap-2">
      <NativeSelect
        size="sm"
        aria-label="Snooze for"
        value={choice}
        onChange={(e) => setChoice(e.target.value as SnoozeChoice)}
        wrapperClassName="w-36"
        disabled={disabled}
      >
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </NativeSelect>
      {choice === "custom" ? (
        <div className="grid gap-1">
          <Input
            type="date"
            className="h-8 w-40"
            aria-label="Snooze until"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="text-xs text-destructive">
              {error[0]}
            </p>
          ) : null}
        </div>
      ) : null}
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={disabled}
        onClick={() => onSnooze(choice, date || undefined)}
      >
        {label}
      </Button>
    </div>
  );
}
