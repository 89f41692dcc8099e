"use client";

import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";

/** Ends every session of this account after a confirmation; a plain form POST, so it works before hydration too. */
export function SignOutEverywhereButton({ count }: { count: number }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline">
          <LogOut aria-hidden /> Sign out everywhere
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Sign out everywhere?</DialogTitle>
          <DialogDescription>
            {count === 1 ? "Your one active session" : `All ${count} active sessions`}, this one included, end at once. Anyone
            holding a copy of a session cookie loses access too. You will sign in again on this device.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="ghost">Cancel</Button>
          </DialogClose>
          <form action="/api/auth/sign-out-everywhere" method="post">
            <Button type="submit" variant="destructive">
              Sign out everywhere
            </Button>
          </form>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
