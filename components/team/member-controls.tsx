"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";
import type { AppRole } from "@/lib/domain/enums";
import { revokeInvitationAction, updateMemberAction } from "@/lib/team/actions";

type StaffRole = (typeof STAFF_ROLES)[number];

export function MemberControls({ userId, name, role, active, self }: { userId: string; name: string; role: AppRole; active: boolean; self: boolean }) {
  const [pending, startTransition] = useTransition();
  const run = (change: { role?: StaffRole; active?: "true" | "false" }, success: string) =>
    startTransition(async () => {
      const result = await updateMemberAction({ userId, ...change });
      if (result.ok) toast.success(success);
      else toast.error(result.error);
    });
  if (self) return <span className="text-sm text-muted-foreground">You</span>;
  return (
    <div className="flex flex-wrap items-center gap-2 lg:flex-nowrap">
      <NativeSelect
        aria-label={`Role of ${name}`}
        size="sm"
        wrapperClassName="w-48"
        defaultValue={role}
        disabled={pending}
        onChange={(e) => run({ role: e.target.value as StaffRole }, `${name} is now ${ROLE_LABELS[e.target.value as AppRole]}`)}
      >
        {STAFF_ROLES.map((r) => (
          <NativeSelectOption key={r} value={r}>
            {ROLE_LABELS[r]}
          </NativeSelectOption>
        ))}
      </NativeSelect>
      <Button
        variant={active ? "outline" : "secondary"}
        size="sm"
        disabled={pending}
        onClick={() => run({ active: active ? "false" : "true" }, active ? `${name} can no longer sign in` : `${name} can sign in again`)}
      >
        {active ? "Deactivate" : "Reactivate"}
      </Button>
    </div>
  );
}

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={`Revoke invitation for ${email}`}
      onClick={() =>
        startTransition(async () => {
          const result = await revokeInvitationAction({ invitationId });
          if (result.ok) toast.success(`Invitation for ${email} revoked`);
          else toast.error(result.error);
        })
      }
    >
      Revoke
    </Button>
  );
}
