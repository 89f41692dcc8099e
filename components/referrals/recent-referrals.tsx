import { Badge } from "@/components/ui/badge";
import type { RecentReferral } from "@/lib/referrals/queries";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function RecentReferrals({ referrals }: { referrals: RecentReferral[] }) {
  if (referrals.length === 0)
    return (
      <p className="text-sm text-muted-foreground">No referrals yet. Share your link to get the first one.</p>
    );
  return (
    <ul className="grid gap-2 text-sm" data-testid="recent-referrals">
      {referrals.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{r.name}</span>
          <span className="text-muted-foreground">{r.company}</span>
          {r.selfReferral ? <Badge variant="warning">Own domain</Badge> : null}
          <span className="ml-auto text-xs text-muted-foreground tabular-nums">
            {when.format(new Date(r.createdAt))} UTC{r.code ? ` · ${r.code}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
