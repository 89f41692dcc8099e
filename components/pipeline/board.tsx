"use client";

import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { arrayMove, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { minorDigits } from "@/lib/money";
import { getBoardCardsAction, moveOpportunityAction } from "@/lib/opportunities/actions";
import type { BoardCard, PipelineOptions, StageRow } from "@/lib/opportunities/queries";
import { useRealtime } from "@/lib/realtime/use-realtime";
import { boardAnnouncements } from "./board-announcements";
import { patchColumns, type Columns } from "./board-patch";
import { BoardColumn } from "./board-column";
import { ASKABLE_FIELDS, MoveDialog, type AskableField, type MoveExtra, type MoveNeeds } from "./move-dialog";
import { OpportunityCardBody } from "./opportunity-card";
import { usePipelineParams } from "./use-pipeline-params";

interface PendingMove {
  card: BoardCard;
  toStage: StageRow;
  beforeId: string | null;
  afterId: string | null;
  needs: MoveNeeds;
  snapshot: Columns;
  /** What an earlier round of the dialog already gave (a justification, final numbers). */
  extra?: MoveExtra;
}

function group(stages: StageRow[], cards: BoardCard[]): Columns {
  const columns: Columns = Object.fromEntries(stages.map((s) => [s.id, [] as BoardCard[]]));
  for (const card of cards) columns[card.stageId]?.push(card);
  return columns;
}

function majorUnits(card: BoardCard): string {
  const digits = minorDigits(card.currency);
  return (card.valueMinor / 10 ** digits).toFixed(digits);
}

/**
 * Other people's changes to deals: the cards that changed are refetched (under the board's filters) and
 * patched into their columns, gathered over a short window; while a move of one's own is under way the
 * patch waits, so a drag is never disturbed.
 */
function useLiveCards(setColumns: (update: (cols: Columns) => Columns) => void, busy: boolean, moves: number) {
  const search = useSearchParams();
  const changed = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const state = useRef({ busy, search, moves });
  useEffect(() => {
    state.current = { busy, search, moves };
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = async () => {
    timer.current = undefined;
    if (state.current.busy) {
      timer.current = setTimeout(() => void flush(), 300);
      return;
    }
    const ids = [...changed.current].slice(0, 100);
    for (const id of ids) changed.current.delete(id);
    if (!ids.length) return;
    const movesBefore = state.current.moves;
    const result = await getBoardCardsAction({ ids, search: Object.fromEntries(state.current.search.entries()) });
    // Read before a move of one's own began (or while it runs): stale, so fetched again once it is done.
    if (state.current.busy || state.current.moves !== movesBefore) {
      for (const id of ids) changed.current.add(id);
      timer.current ??= setTimeout(() => void flush(), 300);
      return;
    }
    if (result.ok) setColumns((cols) => patchColumns(cols, ids, result.data.cards));
    if (changed.current.size) timer.current ??= setTimeout(() => void flush(), 0);
  };

  useRealtime(["opportunities"], (event) => {
    if (!event.id) return;
    changed.current.add(event.id);
    timer.current ??= setTimeout(() => void flush(), 120);
  });
}

export function Board({ stages, cards, options, now }: { stages: StageRow[]; cards: BoardCard[]; options: PipelineOptions; now: number }) {
  const [columns, setColumns] = useState<Columns>(() => group(stages, cards));
  const [source, setSource] = useState(cards);
  const [active, setActive] = useState<{ card: BoardCard; fromStageId: string; snapshot: Columns } | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const [moves, setMoves] = useState(0);
  const { set } = usePipelineParams();
  useLiveCards(setColumns, Boolean(active || pending || inFlight > 0), moves);

  // Server data (a refresh after someone's change) replaces local state unless a move is under way.
  if (cards !== source && !active && !pending && inFlight === 0) {
    setSource(cards);
    setColumns(group(stages, cards));
  }

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const containerOf = (id: string, cols: Columns) => (id in cols ? id : Object.keys(cols).find((k) => cols[k]!.some((c) => c.id === id)));

  function onDragStart(event: DragStartEvent) {
    const id = String(event.active.id);
    const stageId = containerOf(id, columns);
    const card = stageId ? columns[stageId]!.find((c) => c.id === id) : undefined;
    if (card && stageId) setActive({ card, fromStageId: stageId, snapshot: columns });
  }

  function onDragOver({ active: a, over }: DragOverEvent) {
    if (!over) return;
    setColumns((cols) => {
      const from = containerOf(String(a.id), cols);
      const to = containerOf(String(over.id), cols);
      if (!from || !to || from === to) return cols;
      const card = cols[from]!.find((c) => c.id === a.id)!;
      const target = cols[to]!;
      const overIndex = target.findIndex((c) => c.id === over.id);
      const index = overIndex >= 0 ? overIndex : target.length;
      return { ...cols, [from]: cols[from]!.filter((c) => c.id !== a.id), [to]: [...target.slice(0, index), { ...card, stageId: to }, ...target.slice(index)] };
    });
  }

  function onDragEnd({ active: a, over }: DragEndEvent) {
    const started = active;
    setActive(null);
    if (!started || !over) {
      if (started) setColumns(started.snapshot);
      return;
    }
    const id = String(a.id);
    let cols = columns;
    const to = containerOf(id, cols)!;
    const list = cols[to]!;
    const oldIndex = list.findIndex((c) => c.id === id);
    const overIndex = list.findIndex((c) => c.id === over.id);
    if (overIndex >= 0 && overIndex !== oldIndex) {
      cols = { ...cols, [to]: arrayMove(list, oldIndex, overIndex) };
      setColumns(cols);
    }
    finishMove(started.card, started.fromStageId, to, cols[to]!, started.snapshot);
  }

  /** Shared by drag and keyboard: decide what the move needs, then ask or send. */
  function finishMove(card: BoardCard, fromStageId: string, to: string, finalList: BoardCard[], snapshot: Columns) {
    const index = finalList.findIndex((c) => c.id === card.id);
    const startIndex = snapshot[fromStageId]!.findIndex((c) => c.id === card.id);
    if (to === fromStageId && index === startIndex) return;
    const fromStage = stageById.get(fromStageId)!;
    const toStage = stageById.get(to)!;
    const changing = fromStage.id !== toStage.id;
    const needs: MoveNeeds = {
      justification: changing && toStage.position < fromStage.position,
      won: changing && toStage.isWon,
      lost: changing && toStage.isLost,
      fields: [],
    };
    const move: PendingMove = { card, toStage, beforeId: finalList[index - 1]?.id ?? null, afterId: finalList[index + 1]?.id ?? null, needs, snapshot };
    if (needs.justification || needs.won || needs.lost) setPending(move);
    else void commit(move, {});
  }

  /** Arrow keys on a focused card move it to the neighbouring stage, at the top of that column. */
  function step(cardId: string, direction: 1 | -1) {
    if (active || pending) return;
    const from = containerOf(cardId, columns);
    const index = stages.findIndex((s) => s.id === from);
    const target = stages[index + direction];
    if (!from || !target) return;
    const card = columns[from]!.find((c) => c.id === cardId)!;
    const list = [{ ...card, stageId: target.id }, ...columns[target.id]!];
    setColumns({ ...columns, [from]: columns[from]!.filter((c) => c.id !== cardId), [target.id]: list });
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-opportunity-id="${cardId}"]`)?.focus());
    finishMove(card, from, target.id, list, columns);
  }

  async function commit(move: PendingMove, extra: MoveExtra) {
    setPending(null);
    setInFlight((n) => n + 1);
    setMoves((n) => n + 1);
    const result = await moveOpportunityAction({
      id: move.card.id,
      toStageId: move.toStage.id,
      beforeId: move.beforeId,
      afterId: move.afterId,
      justification: extra.justification ?? null,
      finalValue: extra.finalValue ?? null,
      closeDate: extra.closeDate ?? null,
      lossReason: extra.lossReason ?? null,
      technicalContactName: extra.technicalContactName ?? null,
      technicalContactEmail: extra.technicalContactEmail ?? null,
      contactName: extra.contactName ?? null,
      contactEmail: extra.contactEmail ?? null,
      expectedCloseDate: extra.expectedCloseDate ?? null,
    });
    setInFlight((n) => n - 1);
    if (result.ok) {
      setColumns((cols) => ({
        ...cols,
        [move.toStage.id]: cols[move.toStage.id]!.map((c) => (c.id === move.card.id ? { ...c, position: result.data.position, stageEnteredAt: move.card.stageId === move.toStage.id ? c.stageEnteredAt : new Date() } : c)),
      }));
      return;
    }
    const missing = result.rule === "required_field" ? ASKABLE_FIELDS.find((f) => f === result.field) : undefined;
    if (missing && !move.needs.fields.includes(missing)) {
      // The stage needs a detail the deal lacks: ask for it and keep the card where it was dropped.
      setPending({ ...move, extra, needs: { justification: false, won: false, lost: false, fields: [...move.needs.fields, missing as AskableField] } });
      return;
    }
    setColumns(move.snapshot);
    toast.error(result.error, { description: `${move.card.customerName} went back to where it was.` });
  }

  return (
    <DndContext
      id="pipeline-board"
      accessibility={{ announcements: boardAnnouncements(columns, stages), screenReaderInstructions: { draggable: "To pick up a deal, press Space. Use the arrow keys to move it, Space or Enter to drop it in a stage, Escape to cancel." } }}
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        if (active) setColumns(active.snapshot);
        setActive(null);
      }}
    >
      <div className="relative flex min-w-0 gap-3 overflow-x-auto pb-4" data-testid="pipeline-board" aria-busy={inFlight > 0}>
        {stages.map((stage) => (
          <BoardColumn key={stage.id} onOpen={(id) => set({ opportunity: id, new: null })} onStep={step} stage={stage} cards={columns[stage.id] ?? []} currency={options.currency} stalledAfterDays={options.stalledAfterDays} now={now} />
        ))}
      </div>
      <DragOverlay>
        {active ? (
          <div className="w-68 rotate-2 cursor-grabbing rounded-lg border bg-card p-3 shadow-lg">
            <OpportunityCardBody card={active.card} stalledAfterDays={options.stalledAfterDays} now={now} closed={false} />
          </div>
        ) : null}
      </DragOverlay>
      {pending ? (
        <MoveDialog
          open
          customerName={pending.card.customerName}
          stageName={pending.toStage.name}
          needs={pending.needs}
          defaultValue={majorUnits(pending.card)}
          currency={pending.card.currency}
          lossReasons={options.lossReasons}
          onConfirm={(extra) => void commit(pending, { ...pending.extra, ...extra })}
          onCancel={() => {
            setColumns(pending.snapshot);
            setPending(null);
          }}
        />
      ) : null}
    </DndContext>
  );
}
