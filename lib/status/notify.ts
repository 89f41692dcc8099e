import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { systemStep } from "@/lib/db/elevate";
import { notifications } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";

/** The VP hears of an escalated blocker in-app, in the same commit as the escalation. */
export async function notifyEscalation(
  tx: Tx,
  blocker: { person: string; description: string; severity: string },
) {
  await systemStep(tx, "status.escalate", async (sys) => {
    const vps = await rows<{ id: string }>(
      sys,
      sql`select id from public.profiles where role = 'vp' and deactivated_at is null`,
    );
    if (vps.length === 0) return;
    await sys.insert(notifications).values(
      vps.map((vp) => ({
        userId: vp.id,
        kind: "blocker_escalated",
        title: `${blocker.person} escalated a ${blocker.severity} blocker`,
        body: blocker.description.slice(0, 280),
        link: "/team/meeting",
      })),
    );
  });
}

/** The blocker's owner hears how the VP resolved it. */
export async function notifyResolution(
  tx: Tx,
  blocker: { userId: string; description: string; resolution: string },
) {
  await systemStep(tx, "status.resolve", async (sys) => {
    await sys.insert(notifications).values({
      userId: blocker.userId,
      kind: "blocker_resolved",
      title: `Blocker resolved: ${blocker.description.slice(0, 80)}`,
      body: blocker.resolution.slice(0, 280),
      link: "/status",
    });
  });
}
