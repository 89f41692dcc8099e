import { Check, X } from "lucide-react";
import type { AssessmentQuestion } from "./assessment-form";

interface Result {
  attemptNo: number;
  score: number;
  passed: boolean;
  result: { questionId: string; chosen: string[]; correct: string[]; right: boolean; explanation: string }[];
}

/** A submitted attempt: score, and per question what was chosen, what was right and why. */
export function AttemptResult({ attempt, questions, passMark }: { attempt: Result; questions: AssessmentQuestion[]; passMark: number }) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const label = (q: AssessmentQuestion | undefined, ids: string[]) =>
    ids.map((id) => q?.choices.find((c) => c.id === id)?.label ?? id).join("; ");
  return (
    <section className="grid gap-4" data-testid="attempt-result" data-passed={attempt.passed ? "true" : "false"} aria-label={`Attempt ${attempt.attemptNo}`}>
      <p className="font-medium" role="status">
        Attempt {attempt.attemptNo}: {attempt.score}% — {attempt.passed ? "passed" : `not passed (pass mark ${passMark}%)`}
      </p>
      <ol className="grid gap-3">
        {attempt.result.map((r, i) => {
          const q = byId.get(r.questionId);
          return (
            <li key={r.questionId} className="rounded-lg border p-3 text-sm">
              <p className="flex items-start gap-2 font-medium">
                {r.right ? <Check className="mt-0.5 size-4 text-success" aria-label="Right" /> : <X className="mt-0.5 size-4 text-destructive" aria-label="Wrong" />}
                {i + 1}. {q?.prompt}
              </p>
              <p className="mt-1">Your answer: {label(q, r.chosen)}</p>
              {!r.right ? <p>Right answer: {label(q, r.correct)}</p> : null}
              <p className="mt-1 text-muted-foreground">{r.explanation}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
