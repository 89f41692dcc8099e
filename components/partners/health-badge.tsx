import { Badge } from "@/components/ui/badge";
import { healthBand } from "./labels";

/** A partner's score with its band, e.g. "82 · Excellent". */
export function HealthBadge({ score, prefix }: { score: number | null; prefix?: string }) {
  const band = healthBand(score);
  return (
    <Badge variant={band.variant} data-testid="health-badge">
      {prefix ? `${prefix} ` : ""}
      {score ?? "–"} · {band.label}
    </Badge>
  );
}
