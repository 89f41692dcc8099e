"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { formatMoney } from "@/lib/money";
import type { BoardCard, StageRow } from "@/lib/opportunities/queries";
import { cn } from "@/lib/utils";
import { SortableOpportunityCard } from "./opportunity-card";

interface Props {
  stage: StageRow;
  cards: BoardCard[];
  currency: string;
  stalledAfterDays: number;
  now: number;
  onOpen: (id: string) => void;
  onStep: (id: string, direction: 1 | -1) => void;
}

export function BoardColumn({ stage, cards, currency, stalledAfterDays, now, onOpen, onStep }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const home = cards.filter((c) => c.currency === currency);
  const totalMinor = home.reduce((sum, c) => sum + c.valueMinor, 0);
  const foreign = cards.length - home.length;
  const closed = stage.isWon || stage.isLost;
  return (
    <section
      aria-labelledby={`stage-${stage.id}`}
      data-testid="board-column"
      data-stage-key={stage.key}
      className={cn("flex max-h-[calc(100dvh-15rem)] min-h-64 w-72 shrink-0 flex-col rounded-xl border bg-muted/40", isOver && "ring-2 ring-ring")}
    >
      <header className="flex items-start justify-between gap-2 border-b px-3 py-2.5">
        <div className="flex items-center gap-2">
          <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: stage.color }} />
          <h2 id={`stage-${stage.id}`} className="text-sm font-semibold">
            {stage.name}
          </h2>
          <span className="rounded-full bg-background px-1.5 text-xs tabular-nums text-muted-foreground" data-testid="column-count">
            {cards.length}
          </span>
        </div>
        <div className="text-right text-xs text-muted-foreground">
          <span className="block font-medium tabular-nums text-foreground" data-testid="column-total">
            {formatMoney(totalMinor, currency, { compact: true })}
          </span>
          {foreign > 0 ? <span className="block">+{foreign} in other currencies</span> : <span className="block">{stage.probability}%</span>}
        </div>
      </header>
      <SortableContext id={stage.id} items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="flex min-h-24 flex-1 flex-col gap-2 overflow-y-auto p-2" aria-label={`${stage.name} deals`}>
          {cards.length === 0 ? <li className="grid flex-1 place-items-center rounded-lg border border-dashed p-4 text-center text-xs text-muted-foreground">Drop a deal here</li> : null}
          {cards.map((card) => (
            <SortableOpportunityCard key={card.id} onOpen={onOpen} onStep={onStep} card={card} stalledAfterDays={stalledAfterDays} now={now} closed={closed} stageName={stage.name} />
          ))}
        </ul>
      </SortableContext>
    </section>
  );
}
