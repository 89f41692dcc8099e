import type { BlockerRow } from "./queries";

/** Dates become strings before crossing into client components. */
export function blockerView(b: BlockerRow) {
  return {
    id: b.id,
    userId: b.userId,
    person: b.person,
    weekStart: b.weekStart,
    description: b.description,
    severity: b.severity,
    escalated: b.escalated,
    resolvedAt: b.resolvedAt?.toISOString() ?? null,
    resolution: b.resolution,
  };
}
