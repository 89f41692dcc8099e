import type { TierProgress } from "./evaluate";
import type { TierFeature } from "./unlocks";

export interface ActionItem {
  label: string;
  href: string;
}

/** What the partner should do next, from its tier, its progress and its activity so far. */
export function actionItemsFor(
  nextUnlocks: readonly TierFeature[],
  progress: TierProgress,
  activity: { clicks: number; referrals: number; registrations: number; pendingRegistrations: number },
): ActionItem[] {
  const items: ActionItem[] = [];
  if (activity.clicks === 0)
    items.push({ label: "Share your referral link to get your first click", href: "/portal/links" });
  if (activity.registrations === 0)
    items.push({
      label: "Register a deal to protect a customer you are working with",
      href: "/portal/referrals",
    });
  if (activity.pendingRegistrations > 0)
    items.push({
      label: `${activity.pendingRegistrations} registration${activity.pendingRegistrations === 1 ? " is" : "s are"} waiting for review`,
      href: "/portal/referrals",
    });
  if (progress.next && progress.missing.length > 0)
    items.push({
      label: `Reach ${progress.next.name}: ${progress.missing.join(" and ")} in the trailing 90 days`,
      href: "/portal/referrals",
    });
  const unlock = nextUnlocks[0];
  if (progress.next && unlock)
    items.push({
      label: `${unlock.tierName} unlocks ${unlock.label.toLowerCase()} and more`,
      href: "/portal",
    });
  return items.slice(0, 5);
}
