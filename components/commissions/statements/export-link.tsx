import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A download link styled as a button; the route answers with a CSV attachment. */
export function ExportLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Button asChild variant="outline" size="sm">
      <a href={href} download>
        <Download aria-hidden />
        {children}
      </a>
    </Button>
  );
}

export function exportHref(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return `/api/commissions/export?${search.toString()}`;
}
