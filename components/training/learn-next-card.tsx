import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { nextToLearn } from "@/lib/training/progress";

/** "What to learn next": the course to resume, or the next open one of the featured path. */
export function LearnNextCard({ next }: { next: ReturnType<typeof nextToLearn> }) {
  return (
    <Card data-testid="learn-next">
      <CardHeader>
        <CardDescription>{next ? next.reason : "What to learn next"}</CardDescription>
        <CardTitle>
          <h2>
            {next ? (
              <Link href={`/portal/training/${next.course.slug}`} className="underline-offset-4 hover:underline">
                {next.course.title}
              </Link>
            ) : (
              "You are up to date"
            )}
          </h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="text-sm text-muted-foreground">
        {next ? next.course.summary : "Every course open to your tier is passed. Higher tiers open more."}
      </CardContent>
    </Card>
  );
}
