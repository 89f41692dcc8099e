"use client";

import { Archive } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { archiveLinkAction } from "@/lib/referrals/actions";

export function ArchiveLinkButton({ id, code }: { id: string; code: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={`Archive link ${code}`}
      onClick={() =>
        startTransition(async () => {
          const result = await archiveLinkAction({ id });
          if (result.ok) toast.success("Link archived: it now leads to a not-found page");
          else toast.error(result.error);
        })
      }
    >
      <Archive aria-hidden />
      Archive
    </Button>
  );
}
