import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CATEGORY_LABELS, PHASE_LABELS, PRIORITY_LABELS, SKILL_LABELS } from "@/lib/templates/labels";
import type { TemplateFrontmatter } from "@/lib/templates/schema";
import type { UsageStats } from "@/lib/templates/usage";

export function TemplateCard({
  slug,
  origin,
  frontmatter: fm,
  usage,
  query,
}: {
  slug: string;
  origin: "library" | "team";
  frontmatter: TemplateFrontmatter;
  usage?: UsageStats;
  query?: string;
}) {
  return (
    <li data-testid="template-card" className="relative grid gap-2 rounded-lg border bg-card p-4 shadow-xs transition-colors focus-within:ring-2 focus-within:ring-ring hover:border-primary/40">
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <Badge variant="secondary">{CATEGORY_LABELS[fm.category]}</Badge>
        {fm.priority === "high" ? <Badge variant="warning">{PRIORITY_LABELS.high}</Badge> : null}
        {origin === "team" ? <Badge variant="outline">Team template</Badge> : null}
      </div>
      <h3 className="text-base leading-snug font-semibold">
        <Link href={`/templates/${slug}${query ? `?${query}` : ""}`} className="after:absolute after:inset-0 focus-visible:outline-none">
          <span className="relative">{fm.title}</span>
        </Link>
      </h3>
      <p className="text-sm text-muted-foreground">{fm.purpose}</p>
      <p className="text-xs text-muted-foreground">
        {fm.phase.map((p) => PHASE_LABELS[p]).join(", ")} · {SKILL_LABELS[fm.skill_level]} · {fm.time_required}
      </p>
      {usage ? (
        <p className="text-xs text-muted-foreground tabular-nums">
          {usage.views} views · {usage.fills} fills · {usage.exports} exports
        </p>
      ) : null}
    </li>
  );
}
