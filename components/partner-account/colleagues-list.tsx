import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { Colleague } from "@/lib/partner-account/queries";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function ColleaguesList({
  colleagues,
  invitations,
  meId,
}: {
  colleagues: Colleague[];
  invitations: { id: string; email: string; memberRole: "admin" | "member"; expiresAt: Date }[];
  meId: string;
}) {
  if (colleagues.length === 0 && invitations.length === 0)
    return (
      <EmptyState
        icon={Users}
        title="No colleagues yet"
        description="Invite the people who refer customers with you."
      />
    );
  return (
    <ul className="divide-y rounded-md border" aria-label="Colleagues">
      {colleagues.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
          <div className="grid min-w-0">
            <span className="truncate font-medium">
              {c.displayName}
              {c.id === meId ? <span className="text-muted-foreground"> (you)</span> : null}
            </span>
            <span className="truncate text-sm text-muted-foreground">
              {c.email}
              {c.title ? ` · ${c.title}` : ""}
            </span>
          </div>
          <div className="flex gap-2">
            <Badge variant={c.memberRole === "admin" ? "default" : "secondary"}>
              {c.memberRole === "admin" ? "Admin" : "Member"}
            </Badge>
            {!c.active ? <Badge variant="outline">Deactivated</Badge> : null}
          </div>
        </li>
      ))}
      {invitations.map((i) => (
        <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
          <div className="grid min-w-0">
            <span className="truncate font-medium">{i.email}</span>
            <span className="text-sm text-muted-foreground">
              Invited · link expires {dateFormat.format(i.expiresAt)}
            </span>
          </div>
          <Badge variant="warning">Invitation pending ({i.memberRole})</Badge>
        </li>
      ))}
    </ul>
  );
}
