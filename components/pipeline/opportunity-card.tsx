"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { CalendarClock, Handshake } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money";
import type { BoardCard } from "@/lib/opportunities/queries";
import { cn } from "@/lib/utils";

const dateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

function daysSince(date: Date | string, now: number): number {
  return Math.floor((now - new Date(date).getTime()) / 86_400_000);
}

export function OpportunityCardBody({ card, stalledAfterDays, now, closed }: { card: BoardCard; stalledAfterDays: number; now: number; closed: boolean }) {
  const today = new Date(now).toISOString().slice(0, 10);
  const overdue = !closed && card.expectedCloseDate !== null && card.expectedCloseDate < today;
  const idle = daysSince(card.stageEnteredAt, now);
  return (
    <div className="grid gap-1.5">
      <div className="flex items-start justify-between gap-2">
        <span className="font-medium leading-tight">{card.customerName}</span>
        <span className="shrink-0 text-sm font-semibold tabular-nums">{formatMoney(card.valueMinor, card.currency, { compact: true })}</span>
      </div>
      {card.title ? <span className="line-clamp-1 text-xs text-muted-foreground">{card.title}</span> : null}
      <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
        {card.isvPartnerName ? <span>{card.isvPartnerName}</span> : null}
        {card.referringPartnerName ? (
          <span className="inline-flex items-center gap-1" title={`Referred by ${card.referringPartnerName}`}>
            <Handshake aria-hidden className="size-3" />
            <span className="sr-only">Referred by</span>
            {card.referringPartnerName}
          </span>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <span className="text-muted-foreground">{card.ownerName}</span>
        {card.expectedCloseDate && !closed ? (
          <span className={cn("inline-flex items-center gap-1", overdue ? "text-destructive" : "text-muted-foreground")}>
            <CalendarClock aria-hidden className="size-3" />
            {overdue ? "Overdue · " : ""}
            {dateFormat.format(new Date(`${card.expectedCloseDate}T00:00:00Z`))}
          </span>
        ) : null}
        {!closed && idle >= stalledAfterDays ? <Badge variant="warning">Stalled {idle}d</Badge> : null}
      </div>
    </div>
  );
}

export function SortableOpportunityCard({
  onOpen,
  onStep,
  ...props
}: {
  card: BoardCard;
  stalledAfterDays: number;
  now: number;
  closed: boolean;
  stageName: string;
  onOpen: (id: string) => void;
  onStep: (id: string, direction: 1 | -1) => void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: props.card.id, data: { stageId: props.card.stageId } });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...attributes}
      {...listeners}
      onClick={() => onOpen(props.card.id)}
      onKeyDown={(event) => {
        // Space picks the card up to reorder (the keyboard sensor); arrows change stage; Enter opens it.
        if (event.key === "Enter") {
          event.preventDefault();
          onOpen(props.card.id);
          return;
        }
        if (!isDragging && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
          event.preventDefault();
          onStep(props.card.id, event.key === "ArrowRight" ? 1 : -1);
          return;
        }
        listeners?.onKeyDown?.(event);
      }}
      aria-roledescription="Opportunity card. Left and right arrows change stage, Space picks up to reorder, Enter opens"
      aria-label={`${props.card.customerName}, ${formatMoney(props.card.valueMinor, props.card.currency)}, in ${props.stageName}`}
      data-testid="opportunity-card"
      data-opportunity-id={props.card.id}
      className={cn(
        "cursor-grab touch-none rounded-lg border bg-card p-3 shadow-xs outline-none transition-shadow hover:shadow-sm focus-visible:ring-2 focus-visible:ring-ring active:cursor-grabbing",
        isDragging && "opacity-40",
      )}
    >
      <OpportunityCardBody {...props} />
    </li>
  );
}
