import type { BoardCard } from "@/lib/opportunities/queries";

export type Columns = Record<string, BoardCard[]>;

const byPosition = (a: BoardCard, b: BoardCard) => Number(a.position) - Number(b.position) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The board after a live refetch of some cards: each refetched card takes its place in its stage's
 * column (by position), and a requested card that did not come back leaves the board. Columns no card
 * of the patch touches keep their identity, so React re-renders only the columns that changed.
 */
export function patchColumns(columns: Columns, requested: readonly string[], fresh: readonly BoardCard[]): Columns {
  const gone = new Set(requested);
  const next: Columns = {};
  for (const [stageId, cards] of Object.entries(columns)) {
    const incoming = fresh.filter((c) => c.stageId === stageId);
    const kept = cards.filter((c) => !gone.has(c.id));
    next[stageId] = kept.length === cards.length && incoming.length === 0 ? cards : [...kept, ...incoming].sort(byPosition);
  }
  return next;
}
