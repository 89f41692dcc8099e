import type { Announcements } from "@dnd-kit/core";
import type { BoardCard, StageRow } from "@/lib/opportunities/queries";

type Columns = Record<string, BoardCard[]>;

/** Screen-reader announcements for the board that name the customer and the stage, never raw ids. */
export function boardAnnouncements(columns: Columns, stages: StageRow[]): Announcements {
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const cardById = new Map(Object.values(columns).flat().map((c) => [c.id, c]));
  const customer = (id: string | number) => cardById.get(String(id))?.customerName ?? "The deal";
  const where = (id: string | number | undefined) => {
    if (id === undefined) return null;
    const key = String(id);
    const stage = stageName.get(key) ?? stageName.get(cardById.get(key)?.stageId ?? "");
    return stage ?? null;
  };
  return {
    onDragStart: ({ active }) => `Picked up ${customer(active.id)} in ${where(active.id) ?? "its stage"}.`,
    onDragOver: ({ active, over }) => {
      const stage = where(over?.id);
      return stage ? `${customer(active.id)} is over ${stage}.` : `${customer(active.id)} is no longer over a stage.`;
    },
    onDragEnd: ({ active, over }) => {
      const stage = where(over?.id);
      return stage ? `${customer(active.id)} was dropped in ${stage}.` : `${customer(active.id)} was dropped and went back.`;
    },
    onDragCancel: ({ active }) => `Moving ${customer(active.id)} was cancelled; it went back to where it was.`,
  };
}
