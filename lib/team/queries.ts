import "server-only";
import { and, asc, desc, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { invitations, profiles } from "@/lib/db/schema";

export function listStaff(tx: Tx) {
  return tx
    .select({
      id: profiles.id,
      email: profiles.email,
      displayName: profiles.displayName,
      role: profiles.role,
      title: profiles.title,
      deactivatedAt: profiles.deactivatedAt,
    })
    .from(profiles)
    .where(ne(profiles.role, "partner"))
    .orderBy(asc(profiles.role), asc(profiles.displayName));
}

export function listOpenInvitations(tx: Tx) {
  return tx
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
}
