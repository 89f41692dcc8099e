import type { skillLevels } from "@/lib/training/progress";
import { TRAINING_CATEGORY_LABEL } from "@/lib/training/schemas";

/** Skill level per category, from the courses passed. */
export function SkillLevels({ skills }: { skills: ReturnType<typeof skillLevels> }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="skill-levels">
      {skills.map((s) => (
        <div key={s.category} className="rounded-lg border p-3">
          <dt className="text-sm text-muted-foreground">{TRAINING_CATEGORY_LABEL[s.category]}</dt>
          <dd className="font-medium" data-category={s.category}>
            {s.level}
            <span className="ml-1 text-sm font-normal text-muted-foreground">
              ({s.passed} of {s.total} passed)
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
