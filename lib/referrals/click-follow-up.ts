import "server-only";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import { withSystem } from "@/lib/db/session";

/** First-click badges and click XP trail the clicks by up to this long, off the redirect's path. */
const FOLLOW_UP_DELAY_MS = 1_000;

interface FollowUps {
  partners: Set<string>;
  timer?: NodeJS.Timeout;
  running: Promise<void>;
}

const globalForFollowUps = globalThis as typeof globalThis & { __partnerosClickFollowUps?: FollowUps };

function state(): FollowUps {
  return (globalForFollowUps.__partnerosClickFollowUps ??= { partners: new Set(), running: Promise.resolve() });
}

/**
 * Re-evaluates the badges and XP of partners whose clicks were just recorded, at most once a second for
 * all of them together. Derived data only: a crash before it runs is made good by the nightly pass over
 * every partner (lib/jobs/tiers-nightly.ts), since the clicks themselves are already committed.
 */
export function queueClickFollowUps(partnerIds: readonly string[]): void {
  const s = state();
  for (const id of partnerIds) s.partners.add(id);
  if (!s.timer && s.partners.size > 0) s.timer = setTimeout(() => void flushClickFollowUps(), FOLLOW_UP_DELAY_MS);
}

export function flushClickFollowUps(): Promise<void> {
  const s = state();
  clearTimeout(s.timer);
  s.timer = undefined;
  const ids = [...s.partners];
  s.partners.clear();
  if (ids.length === 0) return s.running;
  s.running = s.running.then(() =>
    withSystem("referrals.click-achievements", (tx) => evaluateAchievements(tx, ids)).then(
      () => undefined,
      (error: unknown) => console.error("[referrals] click badges and XP left to the nightly pass", error),
    ),
  );
  return s.running;
}
