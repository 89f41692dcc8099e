import Link from "next/link";
import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Pace, TeamMember } from "@/lib/dashboard/queries";
import { formatMoney } from "@/lib/money";
import { Meter, percent, pipelineHref } from "./widget";

const PACE: Record<Pace, { label: string; variant: "success" | "warning" | "destructive" }> = {
  green: { label: "On pace", variant: "success" },
  amber: { label: "Slightly behind", variant: "warning" },
  red: { label: "Behind", variant: "destructive" },
};

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="truncate font-semibold tabular-nums">
        {value}
        {note ? <span className="ml-1 text-xs font-normal text-muted-foreground">{note}</span> : null}
      </dd>
    </div>
  );
}

function TeamCard({
  member,
  currency,
  elapsedShare,
}: {
  member: TeamMember;
  currency: string;
  elapsedShare: number;
}) {
  const pace = member.pace ? PACE[member.pace] : null;
  const goalShare = member.goalMinor ? member.wonMinor / member.goalMinor : 0;
  return (
    <Link
      href={pipelineHref({ owner: member.id })}
      className="flex h-full flex-col gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-sm transition-colors hover:bg-muted/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      data-testid={`dashboard-team-${member.id}`}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="truncate font-semibold">{member.name}</h3>
          <p className="text-xs text-muted-foreground">{ROLE_LABELS[member.role]}</p>
        </div>
        {pace ? <Badge variant={pace.variant}>{pace.label}</Badge> : <Badge variant="outline">No goal</Badge>}
      </div>
      {member.goalMinor ? (
        <div className="grid gap-1">
          <Meter
            value={goalShare}
            marker={elapsedShare}
            tone={pace?.variant ?? "primary"}
            label={`${percent(goalShare)} of a ${formatMoney(member.goalMinor, currency)} goal; pace today is ${percent(elapsedShare)}`}
          />
          <p className="text-xs text-muted-foreground tabular-nums">
            {percent(goalShare)} of {formatMoney(member.goalMinor, currency, { compact: true })} goal
          </p>
        </div>
      ) : null}
      <dl className="grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
        <Stat
          label="Won this quarter"
          value={formatMoney(member.wonMinor, currency, { compact: true })}
          note={`${member.wonCount} won`}
        />
        <Stat
          label="Open pipeline"
          value={formatMoney(member.openMinor, currency, { compact: true })}
          note={`${member.openCount} open`}
        />
        <Stat
          label="Win rate (4 qtrs)"
          value={percent(member.winRate)}
          note={
            member.winRate === null
              ? undefined
              : `${member.closedWon}/${member.closedWon + member.closedLost}`
          }
        />
        <Stat label="Moves (7 days)" value={String(member.recentMoves)} />
      </dl>
    </Link>
  );
}

/** One card per sales and partnership manager, coloured by pace to their quarterly goal. */
export function TeamCards({
  team,
  currency,
  elapsedShare,
}: {
  team: TeamMember[];
  currency: string;
  elapsedShare: number;
}) {
  return (
    <section aria-labelledby="team-heading" className="grid gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="team-heading" className="text-base font-semibold">
          Team
        </h2>
        <p className="text-xs text-muted-foreground">
          Green at or above straight-line pace to goal, amber within 75% of it, red below.
        </p>
      </div>
      {team.length === 0 ? (
        <EmptyState
          icon={Users}
          title="No sales or partnership managers yet"
          description="Invite your team from the Team page to see their numbers here."
          className="min-h-32"
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4">
          {team.map((m) => (
            <li key={m.id}>
              <TeamCard member={m} currency={currency} elapsedShare={elapsedShare} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
