import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/** The pipeline list filtered by `filters`; every dashboard widget drills down through this. */
export function pipelineHref(filters: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams({ view: "list" });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return `/pipeline?${params.toString()}`;
}

/** Round axis ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) from zero past `max`, so money axes read $1M, $2M… rather than $850K. */
export function niceTicks(max: number, intervals = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

export function percent(share: number | null, digits = 0): string {
  return share === null ? "–" : `${(share * 100).toFixed(digits)}%`;
}

export function Widget({
  title,
  description,
  href,
  hrefLabel = "Open in pipeline",
  className,
  children,
  headingAs: Heading = "h2",
  ...props
}: {
  title: string;
  /** h3 when the widget sits under a page section's own h2. */
  headingAs?: "h2" | "h3";
  description?: React.ReactNode;
  href?: string;
  hrefLabel?: string;
  className?: string;
  children: React.ReactNode;
} & Omit<React.ComponentProps<"section">, "title">) {
  const headingId = `widget-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className={cn("min-w-0", className)} {...props}>
      <Card className="h-full gap-4">
        <CardHeader>
          <CardTitle>
            <Heading id={headingId} className="text-base font-semibold">
              {title}
            </Heading>
          </CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
          {href ? (
            <CardAction>
              <Link
                href={href}
                className="inline-flex items-center gap-1 rounded-sm text-sm text-primary underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                {hrefLabel}
                <ArrowRight aria-hidden className="size-3.5" />
              </Link>
            </CardAction>
          ) : null}
        </CardHeader>
        <CardContent className="flex-1">{children}</CardContent>
      </Card>
    </section>
  );
}

/** A thin horizontal meter; `marker` (0..1) draws the pace line. */
export function Meter({
  value,
  marker,
  tone = "primary",
  label,
}: {
  value: number;
  marker?: number;
  tone?: "primary" | "success" | "warning" | "destructive";
  label?: string;
}) {
  const tones = {
    primary: "bg-primary",
    success: "bg-success",
    warning: "bg-warning",
    destructive: "bg-destructive",
  };
  return (
    <div
      className="relative h-2 w-full overflow-hidden rounded-full bg-muted"
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <div
        className={cn("h-full rounded-full", tones[tone])}
        style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }}
      />
      {marker !== undefined ? (
        <div
          className="absolute inset-y-0 w-0.5 bg-foreground/70"
          style={{ left: `${Math.min(100, marker * 100)}%` }}
        />
      ) : null}
    </div>
  );
}
