import { Construction } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

/** An honest placeholder for a section a later release fills: it says what will be here and shows no invented data. */
export function ComingSoon({ feature, bullets }: { feature: string; bullets: string[] }) {
  return (
    <EmptyState
      icon={Construction}
      titleAs="h2"
      title={`${feature} is coming soon`}
      description="This section is being built. Here is what it will do:"
      action={
        <ul className="mx-auto max-w-md list-disc space-y-1 pl-5 text-left text-sm text-muted-foreground">
          {bullets.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      }
    />
  );
}
