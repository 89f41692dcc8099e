import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils";

export type StepKey = "profile" | "payout" | "tax" | "documents";

export const STEPS: { key: StepKey; label: string; description: string }[] = [
  { key: "profile", label: "Profile and business", description: "Who you are and what your company does" },
  { key: "payout", label: "Payout method", description: "Where we send your commissions" },
  { key: "tax", label: "Tax details", description: "W-9 or W-8BEN" },
  {
    key: "documents",
    label: "Program documents",
    description: "Agreement, commission terms, code of conduct",
  },
];

export function OnboardingChecklist({
  steps,
  current,
}: {
  steps: Record<StepKey, boolean>;
  current: string;
}) {
  const done = STEPS.filter((s) => steps[s.key]).length;
  const percent = Math.round((done / STEPS.length) * 100);
  return (
    <nav aria-label="Onboarding steps" className="grid gap-4">
      <div className="grid gap-2">
        <p className="text-sm font-medium">
          {done} of {STEPS.length} steps done
        </p>
        <div
          role="progressbar"
          aria-label="Onboarding progress"
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div
            className="h-full rounded-full bg-primary transition-[width]"
            style={{ width: `${percent}%` }}
          />
        </div>
      </div>
      <ol className="grid gap-1 sm:grid-cols-2 lg:grid-cols-1">
        {STEPS.map((step, index) => {
          const Icon = steps[step.key] ? CheckCircle2 : Circle;
          return (
            <li key={step.key}>
              <Link
                href={`/portal/onboarding?step=${step.key}`}
                aria-current={current === step.key ? "step" : undefined}
                className={cn(
                  "flex items-start gap-3 rounded-md p-2 text-sm outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                  current === step.key && "bg-accent",
                )}
              >
                <Icon
                  aria-hidden
                  className={cn(
                    "mt-0.5 size-4 shrink-0",
                    steps[step.key] ? "text-success" : "text-muted-foreground",
                  )}
                />
                <span className="grid">
                  <span className="font-medium">
                    {index + 1}. {step.label}
                    <span className="sr-only">{steps[step.key] ? " (done)" : " (to do)"}</span>
                  </span>
                  <span className="text-muted-foreground">{step.description}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
