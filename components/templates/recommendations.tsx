import { DownloadIcon, SparklesIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Bundle, Recommendation } from "@/lib/templates/recommend-rules";

/** "Recommended for this partner": each template with the reason, and the bundles as ZIP downloads. */
export function RecommendationsCard({
  partnerId,
  partnerName,
  recommendations,
  titles,
  bundles,
}: {
  partnerId: string;
  partnerName: string;
  recommendations: Recommendation[];
  titles: Record<string, string>;
  bundles: readonly Pick<Bundle, "key" | "title" | "description">[];
}) {
  return (
    <Card data-testid="template-recommendations">
      <CardHeader>
        <CardTitle>
          <h2 className="flex items-center gap-2">
            <SparklesIcon aria-hidden="true" className="size-4 text-primary" />
            Recommended for {partnerName}
          </h2>
        </CardTitle>
        <CardDescription>From the partner&apos;s phase, tier, health and open items.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {recommendations.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing is due for this partner right now.</p>
        ) : (
          <ul className="grid gap-2">
            {recommendations.map((r) => (
              <li key={r.rule} className="rounded-md border p-3 text-sm">
                <Link href={`/templates/${r.slug}/fill?partner=${partnerId}`} className="font-medium underline-offset-4 hover:underline">
                  {titles[r.slug] ?? r.slug}
                </Link>
                <p className="text-muted-foreground">{r.reason}</p>
              </li>
            ))}
          </ul>
        )}
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">Bundles</h3>
          <ul className="flex flex-wrap gap-2">
            {bundles.map((b) => (
              <li key={b.key}>
                <Button asChild variant="outline" size="sm" title={b.description}>
                  <a href={`/api/templates/bundles/${b.key}?partner=${partnerId}&format=docx`} download>
                    <DownloadIcon aria-hidden="true" />
                    {b.title} (ZIP)
                  </a>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}
