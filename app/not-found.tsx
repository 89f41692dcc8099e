import Link from "next/link";
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <EmptyState
        icon={SearchX}
        titleAs="h1"
        title="Page not found"
        description="The link may be mistyped, or the page may have moved."
        action={
          <Button asChild>
            <Link href="/">Go to your home page</Link>
          </Button>
        }
      />
    </main>
  );
}
