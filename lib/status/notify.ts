import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";

/**
 * The VP hears of an escalated blocker in-app, in the same commit as the escalation. A security
 * definer function writes the notifications: it checks the blocker is the caller's own and escalated.
 */
export async function notifyEscalation(tx: Tx, blockerId: string) {
  await tx.execute(sql`select private.notify_vp_of_blocker(${blockerId}::uuid)`);
}

/** The blocker's owner hears how the VP resolved it (the function checks the caller is the VP). */
export async function notifyResolution(tx: Tx, blockerId: string) {
  await tx.execute(sql`select private.notify_blocker_resolved(${blockerId}::uuid)`);
}
