import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { FillSummary } from "@/lib/templates/fill-queries";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function FillsList({ fills, title, empty }: { fills: FillSummary[]; title: string; empty: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {fills.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <ul className="divide-y rounded-md border" data-testid="fills">
            {fills.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <Link href={`/templates/fills/${f.id}`} className="font-medium underline-offset-4 hover:underline">
                  {f.title}
                </Link>
                <span className="text-muted-foreground">
                  {f.partnerName ? `${f.partnerName} · ` : ""}version {f.currentVersion} · {f.authorName ?? "unknown"} · {dateFormat.format(new Date(f.updatedAt))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
