"use client";

import { CopyIcon, LinkIcon } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/templates/fill-actions";
import type { ShareLink } from "@/lib/templates/fill-queries";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const VARIANT = { active: "success", expired: "secondary", revoked: "destructive" } as const;

/** Read-only links to the current version: create with an expiry, copy, revoke; opens are logged. */
export function SharePanel({ fillId, links, origin }: { fillId: string; links: ShareLink[]; origin: string }) {
  const [days, setDays] = useState("30");
  const [pending, startTransition] = useTransition();
  const url = (token: string) => `${origin}/s/${token}`;
  const copy = async (token: string) => {
    try {
      await navigator.clipboard.writeText(url(token));
      toast.success("Link copied");
    } catch {
      toast.error("Copy failed: select the link and copy it");
    }
  };
  const create = () =>
    startTransition(async () => {
      const result = await createShareLinkAction({ fillId, expiresInDays: Number(days) as 0 | 1 | 7 | 30 | 90 });
      if (result.ok) {
        toast.success("Share link created");
        await copy(result.data.token);
      } else toast.error(result.error);
    });
  const revoke = (linkId: string) =>
    startTransition(async () => {
      const result = await revokeShareLinkAction({ linkId });
      if (result.ok) toast.success("Link revoked: it now answers 404");
      else toast.error(result.error);
    });
  return (
    <Card data-testid="share-panel">
      <CardHeader>
        <CardTitle>
          <h2>Share read-only</h2>
        </CardTitle>
        <CardDescription>Anyone with the link sees the current version without signing in. Every open is logged.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid gap-1.5">
            <Label htmlFor="share-expiry">Expires</Label>
            <NativeSelect id="share-expiry" value={days} onChange={(e) => setDays(e.target.value)}>
              <NativeSelectOption value="1">In 1 day</NativeSelectOption>
              <NativeSelectOption value="7">In 7 days</NativeSelectOption>
              <NativeSelectOption value="30">In 30 days</NativeSelectOption>
              <NativeSelectOption value="90">In 90 days</NativeSelectOption>
              <NativeSelectOption value="0">Never</NativeSelectOption>
            </NativeSelect>
          </div>
          <Button type="button" onClick={create} disabled={pending}>
            <LinkIcon aria-hidden="true" /> Create link
          </Button>
        </div>
        {links.length === 0 ? (
          <p className="text-sm text-muted-foreground">No links yet.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Share links">
            {links.map((link) => {
              return (
                <li key={link.id} data-testid="share-link" className="grid gap-1 rounded-md border p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge variant={VARIANT[link.status]}>{link.status}</Badge>
                    <input readOnly value={url(link.token)} aria-label="Share link" className="min-w-0 flex-1 rounded border bg-muted/40 px-2 py-1 font-mono text-xs" onFocus={(e) => e.target.select()} />
                  </div>
                  <p className="text-xs text-muted-foreground">
                    {link.createdByName ?? "Someone"} · {dateFormat.format(new Date(link.createdAt))} ·{" "}
                    {link.expiresAt ? `expires ${dateFormat.format(new Date(link.expiresAt))}` : "no expiry"} · opened {link.opens}{" "}
                    {link.opens === 1 ? "time" : "times"}
                    {link.lastOpenedAt ? `, last ${dateFormat.format(new Date(link.lastOpenedAt))}` : ""}
                  </p>
                  {link.status === "active" ? (
                    <div className="flex gap-2">
                      <Button type="button" size="sm" variant="outline" onClick={() => copy(link.token)}>
                        <CopyIcon aria-hidden="true" /> Copy
                      </Button>
                      <Button type="button" size="sm" variant="outline" onClick={() => revoke(link.id)} disabled={pending}>
                        Revoke
                      </Button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
