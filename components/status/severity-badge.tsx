import { Badge } from "@/components/ui/badge";
import type { Severity } from "@/lib/status/schemas";

const VARIANT = { low: "outline", medium: "secondary", high: "warning", critical: "destructive" } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge variant={VARIANT[severity]}>{severity[0]!.toUpperCase() + severity.slice(1)}</Badge>;
}

export interface BlockerView {
  id: string;
  userId: string;
  person: string;
  weekStart: string;
  description: string;
  severity: Severity;
  escalated: boolean;
  resolvedAt: string | null;
  resolution: string | null;
}
