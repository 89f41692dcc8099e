import { MessagesSquare } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { InteractionRow } from "@/lib/health/partner-queries";
import { InteractionForm } from "./interaction-form";
import { INTERACTION_LABELS } from "./labels";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function InteractionsCard({
  partnerId,
  interactions,
  canLog,
}: {
  partnerId: string;
  interactions: InteractionRow[];
  canLog: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Interactions</h2>
        </CardTitle>
        <CardDescription>
          Meetings, calls, emails and QBRs with notes and next steps; they feed the health score.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {canLog ? <InteractionForm partnerId={partnerId} /> : null}
        {interactions.length === 0 ? (
          <EmptyState
            icon={MessagesSquare}
            title="No interactions logged"
            description="Log the first meeting or call to start the relationship history."
          />
        ) : (
          <ol className="grid gap-4" aria-label="Interaction log">
            {interactions.map((i) => (
              <li key={i.id} className="grid gap-1 border-l-2 pl-3" data-testid="interaction">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge variant="outline">
                    {INTERACTION_LABELS[i.kind as keyof typeof INTERACTION_LABELS] ?? i.kind}
                  </Badge>
                  <time dateTime={i.occurredAt} className="text-muted-foreground">
                    {when(i.occurredAt)} UTC
                  </time>
                  {i.authorName ? <span className="text-muted-foreground">· {i.authorName}</span> : null}
                </div>
                <p className="text-sm whitespace-pre-line">{i.summary}</p>
                {i.nextSteps ? (
                  <p className="text-sm text-muted-foreground whitespace-pre-line">
                    <span className="font-medium text-foreground">Next steps:</span> {i.nextSteps}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
