import { formatMoney } from "@/lib/money";
import { pipelineHref, percent, Widget } from "./widget";

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** Bookings against the quarter target as a ring, with a tick where straight-line pace to the target sits today. */
export function BookingsRing({
  quarterLabel,
  currency,
  wonMinor,
  wonCount,
  targetMinor,
  elapsedShare,
  wonStageId,
}: {
  quarterLabel: string;
  currency: string;
  wonMinor: number;
  wonCount: number;
  targetMinor: number;
  elapsedShare: number;
  wonStageId: string | null;
}) {
  const share = targetMinor > 0 ? wonMinor / targetMinor : 0;
  const onPace = share >= elapsedShare;
  const tickAngle = elapsedShare * 2 * Math.PI - Math.PI / 2;
  const tick = (r: number) => ({ x: 60 + r * Math.cos(tickAngle), y: 60 + r * Math.sin(tickAngle) });
  const label = `Bookings ${quarterLabel}: ${formatMoney(wonMinor, currency)} of a ${formatMoney(targetMinor, currency)} target, ${percent(share)}. ${percent(elapsedShare)} of the quarter has passed.`;
  return (
    <Widget
      title={`Bookings ${quarterLabel}`}
      description="Won this quarter against the company target"
      href={wonStageId ? pipelineHref({ stage: wonStageId }) : undefined}
      hrefLabel="Won deals"
    >
      <div className="flex flex-wrap items-center gap-6">
        <svg viewBox="0 0 120 120" className="size-32 shrink-0" role="img" aria-label={label}>
          <circle cx="60" cy="60" r={RADIUS} fill="none" stroke="var(--muted)" strokeWidth="12" />
          {share > 0 ? (
            <circle
              cx="60"
              cy="60"
              r={RADIUS}
              fill="none"
              stroke={onPace ? "var(--success)" : "var(--primary)"}
              strokeWidth="12"
              strokeLinecap="round"
              strokeDasharray={`${Math.min(1, share) * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
              transform="rotate(-90 60 60)"
            />
          ) : null}
          <line
            x1={tick(42).x}
            y1={tick(42).y}
            x2={tick(62).x}
            y2={tick(62).y}
            stroke="var(--foreground)"
            strokeWidth="2"
          />
          <text
            x="60"
            y="58"
            textAnchor="middle"
            className="fill-foreground text-[22px] font-semibold tabular-nums"
            aria-hidden
          >
            {percent(share)}
          </text>
          <text x="60" y="76" textAnchor="middle" className="fill-muted-foreground text-[10px]" aria-hidden>
            of target
          </text>
        </svg>
        <div className="grid min-w-0 gap-1">
          <p className="text-2xl font-semibold tabular-nums" data-testid="dashboard-bookings">
            {formatMoney(wonMinor, currency)}
          </p>
          <p className="text-sm text-muted-foreground">
            of {formatMoney(targetMinor, currency)} · {wonCount} {wonCount === 1 ? "deal" : "deals"} won
          </p>
          <p className="text-xs text-muted-foreground">
            {onPace ? "On pace" : "Behind pace"}: {percent(elapsedShare)} of the quarter has passed (the
            tick).
          </p>
        </div>
      </div>
    </Widget>
  );
}
