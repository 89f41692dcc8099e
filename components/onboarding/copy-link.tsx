"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export function CopyLink({ url, label = "Your referral link" }: { url: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      toast.success("Link copied");
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error("Copy failed: select the link and copy it by hand");
    }
  }
  return (
    <div className="flex w-full max-w-xl flex-col gap-2 sm:flex-row">
      <Input
        readOnly
        value={url}
        aria-label={label}
        data-testid="default-link"
        onFocus={(e) => e.currentTarget.select()}
        className="font-mono"
      />
      <Button type="button" onClick={copy} variant="outline">
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
