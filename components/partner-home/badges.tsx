import { Award } from "lucide-react";
import { ProgressBar } from "./progress-bar";
import { ACHIEVEMENT_RULES, levelOf, ruleOf } from "@/lib/achievements/rules";

interface Earned {
  key: string;
  earnedAt: Date;
}

/** Earned badges, the ones still to earn, and the XP level. */
export function Badges({ earned, xp }: { earned: readonly Earned[]; xp: { total: number; month: number } }) {
  const level = levelOf(xp.total);
  const have = new Set(earned.map((e) => e.key.split(":")[0]));
  const toEarn = ACHIEVEMENT_RULES.filter((r) => !have.has(r.key) && r.key !== "top_performer").slice(0, 3);
  return (
    <div className="grid gap-4" data-testid="badges">
      <ProgressBar
        label={`Level ${level.level} · ${xp.total} XP`}
        ratio={level.into / level.needed}
        detail={`${level.into}/${level.needed} to level ${level.level + 1} · +${xp.month} this month`}
      />
      {earned.length === 0 ? (
        <p className="text-sm text-muted-foreground">No badges yet: your first click earns one.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {earned.map((e) => {
            const rule = ruleOf(e.key);
            const month = e.key.includes(":") ? ` ${e.key.split(":")[1]}` : "";
            return (
              <li
                key={e.key}
                className="flex items-center gap-1.5 rounded-full border bg-muted/40 px-3 py-1 text-sm"
                title={rule?.description}
              >
                <Award className="size-4 text-warning" aria-hidden />
                {rule?.name ?? e.key}
                {month}
              </li>
            );
          })}
        </ul>
      )}
      {toEarn.length > 0 ? (
        <p className="text-sm text-muted-foreground">
          Next to earn:{" "}
          {toEarn.map((r) => `${r.name} (${r.description.toLowerCase()}, +${r.xp} XP)`).join("; ")}.
        </p>
      ) : null}
    </div>
  );
}
