"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="grid min-h-[60dvh] place-items-center p-6">
      <EmptyState
        icon={TriangleAlert}
        titleAs="h1"
        title="Something went wrong"
        description={`This page could not load. Nothing was changed.${error.digest ? ` Reference: ${error.digest}` : ""}`}
        action={<Button onClick={reset}>Try again</Button>}
      />
    </main>
  );
}
