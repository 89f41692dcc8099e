"use client";

import { Bookmark, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { deleteViewAction, saveViewAction } from "@/lib/opportunities/actions";
import { usePipelineParams } from "./use-pipeline-params";

export interface SavedView {
  id: string;
  name: string;
  query: string;
}

const VIEW_KEYS = ["view", "owner", "partner", "domain", "stage", "q", "min", "max", "from", "to", "sort", "dir"];

export function SavedViews({ views }: { views: SavedView[] }) {
  const { params } = usePipelineParams();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const current = new URLSearchParams([...params.entries()].filter(([k]) => VIEW_KEYS.includes(k))).toString();

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    startTransition(async () => {
      const result = await saveViewAction({ name, scope: params.get("view") === "list" ? "opportunities" : "board", query: current });
      if (result.ok) {
        toast.success(`View “${name.trim()}” saved`);
        setOpen(false);
        setError(undefined);
      } else setError(result.fieldErrors?.name?.[0] ?? result.error);
    });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm">
            <Bookmark aria-hidden /> Views
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel>Saved views</DropdownMenuLabel>
          {views.length === 0 ? <p className="px-2 py-1.5 text-sm text-muted-foreground">None yet.</p> : null}
          {views.map((v) => (
            <div key={v.id} className="flex items-center">
              <DropdownMenuItem asChild className="flex-1">
                <Link href={v.query ? `/pipeline?${v.query}` : "/pipeline"}>{v.name}</Link>
              </DropdownMenuItem>
              <Button
                variant="ghost"
                size="icon"
                className="size-7"
                aria-label={`Delete view ${v.name}`}
                disabled={pending}
                onClick={() => startTransition(async () => void (await deleteViewAction({ id: v.id })))}
              >
                <Trash2 aria-hidden className="size-3.5" />
              </Button>
            </div>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setOpen(true)}>Save current filters…</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="sm:max-w-sm">
          <DialogHeader>
            <DialogTitle>Save this view</DialogTitle>
          </DialogHeader>
          <form id="save-view" onSubmit={save} noValidate>
            <FormField id="view-name" label="Name" error={error}>
              <Input name="name" maxLength={60} autoFocus placeholder="My security deals" />
            </FormField>
          </form>
          <DialogFooter>
            <Button type="submit" form="save-view" disabled={pending}>
              Save view
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
