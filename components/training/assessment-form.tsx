"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { submitAssessmentAction } from "@/lib/training/actions";

export interface AssessmentQuestion {
  id: string;
  prompt: string;
  kind: "single" | "multi";
  choices: { id: string; label: string }[];
}

/** The assessment, in the order the server shuffled for this attempt; graded by the database on submit. */
export function AssessmentForm({ enrollmentId, questions, attemptLabel }: { enrollmentId: string; questions: AssessmentQuestion[]; attemptLabel: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const answers: Record<string, string[]> = {};
    for (const q of questions) answers[q.id] = data.getAll(q.id).map(String);
    const missing = questions.filter((q) => answers[q.id]!.length === 0).length;
    if (missing > 0) {
      setError(`Answer every question: ${missing} still open.`);
      return;
    }
    setError(null);
    start(async () => {
      const result = await submitAssessmentAction({ enrollmentId, answers });
      if (!result.ok) {
        setError(result.error);
        toast.error(result.error);
        return;
      }
      toast[result.data.passed ? "success" : "error"](
        result.data.passed ? `Passed with ${result.data.score}%` : `${result.data.score}%: the pass mark is ${result.data.passMark}%`,
      );
      router.refresh();
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" aria-describedby={error ? "assessment-error" : undefined} data-testid="assessment-form">
      <p className="text-sm text-muted-foreground">{attemptLabel}</p>
      {questions.map((q, i) => (
        <fieldset key={q.id} className="grid gap-2" data-question={q.id}>
          <legend className="mb-1 font-medium">
            {i + 1}. {q.prompt}
            <span className="ml-2 text-sm font-normal text-muted-foreground">
              {q.kind === "multi" ? "Choose all that apply" : "Choose one"}
            </span>
          </legend>
          {q.choices.map((c) => (
            <label key={c.id} className="flex items-start gap-2 text-sm">
              <input type={q.kind === "multi" ? "checkbox" : "radio"} name={q.id} value={c.id} className="mt-1" />
              <span>{c.label}</span>
            </label>
          ))}
        </fieldset>
      ))}
      {error ? (
        <p id="assessment-error" role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          Submit answers
        </Button>
      </div>
    </form>
  );
}
