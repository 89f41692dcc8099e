import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function Forbidden() {
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <EmptyState
        icon={ShieldAlert}
        titleAs="h1"
        title="You don't have access to this page"
        description="Your role does not include this part of PartnerOS. If you need it, ask your workspace admin."
        action={
          <Button asChild>
            <Link href="/">Go to your home page</Link>
          </Button>
        }
      />
    </main>
  );
}
