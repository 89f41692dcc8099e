import type { Tx } from "../db/connection";
import * as schema from "../db/schema";
import { addWeeks, deadlineOf, weekStartOf } from "../status/week";
import type { StaffKey } from "./demo-data";
import { HOUR } from "./time";

type Role = "vp" | "sales" | "pm" | "finance";

const ROLE_OF: Record<StaffKey, Role> = {
  vp: "vp",
  sales1: "sales",
  sales2: "sales",
  sales3: "sales",
  pm1: "pm",
  pm2: "pm",
  finance: "finance",
};

const TEXT: Record<Role, { done: string[]; next: string[] }> = {
  sales: {
    done: [
      "- Northbeam: Demo → POC, technical contact confirmed\n- Ran 3 discovery calls with inbound FinOps leads\n- **Closed won:** Harbor Logistics renewal expansion",
      "- Keystone Health: proposal sent, pricing approved by the VP\n- Demoed the observability bundle to two security teams\n- Completed: update close dates on stale deals",
      "- POC kickoff at Altura with the ISV's SE\n- Qualified out two lead-stage deals with no budget\n- Logged partner-sourced lead from Cloudwise",
      "- Moved 4 deals forward, 1 lost to in-house build\n- Co-sell call with the Data/Backup ISV on the Meridian opportunity",
    ],
    next: [
      "- Get the POC success criteria signed at Northbeam\n- Proposal review with Keystone procurement",
      "- Two demos booked for Tuesday\n- Chase legal redlines on the Altura order form",
      "- Pipeline review with the VP\n- Build the mutual close plan for Meridian",
    ],
  },
  pm: {
    done: [
      "- **QBR** with Cloudwise: shared pipeline, agreed Q+1 co-marketing plan\n- Onboarded Brightpath (agreement signed, first referral link live)\n- Reviewed 4 deal registrations (3 approved)",
      "- Partner meetings with 5 program partners\n- Enablement session on the new security bundle for Elite partners",
      "- Re-engaged two partners with no interaction in 45 days\n- Drafted the partner business review for Stackline",
    ],
    next: [
      "- QBR prep for Stackline and Northwind\n- Follow up on pending registrations older than 3 days",
      "- Onboarding calls with the two new applicants\n- Update tier criteria FAQ in the portal",
    ],
  },
  finance: {
    done: [
      "- Approved 18 commission lines for October closes\n- Sent the bi-weekly payout batch (12 partners)",
      "- Reconciled ISV receivables against invoices; two disputes opened\n- Approved 9 lines, 1 override reviewed with the VP",
    ],
    next: [
      "- Month-end payout batch\n- Chase overdue ISV receivables",
      "- Review clawback on the cancelled Altura deal\n- Payout batch for Elite partners",
    ],
  },
  vp: {
    done: [
      "- Pipeline review with each seller; forecast at 92% of target\n- Exec sync with two ISV alliance leads",
      "- Approved the Q+1 partner incentive plan\n- Interviewed two partnership manager candidates",
    ],
    next: ["- Board prep: partner-sourced revenue slide\n- Decide on the Elite tier payout cadence"],
  },
};

const KPIS: Record<Role, (w: number) => Record<string, number | string>> = {
  sales: (w) => ({
    meetingsHeld: 6 + (w % 3),
    demos: 2 + (w % 2),
    dealsMoved: 3 + w,
    pipelineAdded: 40000 + w * 12500,
  }),
  pm: (w) => ({
    partnerMeetings: 5 + w,
    partnersOnboarded: w % 2,
    qbrsHeld: w === 1 ? 2 : 1,
    registrationsReviewed: 3 + (w % 3),
  }),
  finance: (w) => ({ linesApproved: 9 + w * 3, payoutsSent: w % 2 ? 12 : 0 }),
  vp: () => ({ summary: "On pace for the quarter; security domain behind, FinOps ahead." }),
};

const pick = <T>(list: T[], i: number) => list[i % list.length]!;

/**
 * The last four weeks of weekly statuses for the demo team: mostly on time, one late and one missing, with
 * a few blockers (one escalated and still open, one the VP resolved).
 */
export async function seedStatusHistory(tx: Tx, ids: Record<StaffKey, string>, now: Date): Promise<void> {
  const current = weekStartOf(now);
  const keys = Object.keys(ids) as StaffKey[];
  const statusIds = new Map<string, string>();
  for (let w = 1; w <= 4; w += 1) {
    const week = addWeeks(current, -w);
    const deadline = deadlineOf(week);
    for (const [i, key] of keys.entries()) {
      if (key === "sales3" && w === 2) continue; // missing
      const role = ROLE_OF[key];
      const late = key === "pm2" && w === 1;
      const submittedAt = new Date(deadline.getTime() + (late ? 20 : -(2 + ((i + w) % 5))) * HOUR);
      const [row] = await tx
        .insert(schema.weeklyStatuses)
        .values({
          userId: ids[key],
          weekStart: week,
          accomplishments: pick(TEXT[role].done, i + w),
          plans: pick(TEXT[role].next, i + w),
          kpis: KPIS[role](w),
          status: "submitted",
          submittedAt,
          revision: 3 + ((i + w) % 4),
          createdAt: new Date(deadline.getTime() - 30 * HOUR),
          updatedAt: submittedAt,
        })
        .returning({ id: schema.weeklyStatuses.id });
      statusIds.set(`${key}:${w}`, row!.id);
    }
  }
  const blocker = (
    key: StaffKey,
    w: number,
    values: Partial<typeof schema.statusBlockers.$inferInsert> & { description: string },
  ) => ({
    statusId: statusIds.get(`${key}:${w}`)!,
    userId: ids[key],
    createdAt: new Date(deadlineOf(addWeeks(current, -w)).getTime() - 26 * HOUR),
    ...values,
  });
  await tx.insert(schema.statusBlockers).values([
    blocker("sales2", 1, {
      description:
        "Keystone Health security review is stuck with their legal team; need an exec-to-exec call to unblock the DPA.",
      severity: "high",
      escalated: true,
    }),
    blocker("sales1", 3, {
      description: "Northbeam POC needs a sandbox tenant from the ISV; their SE has not replied in a week.",
      severity: "medium",
      escalated: true,
      resolvedAt: new Date(deadlineOf(addWeeks(current, -3)).getTime() + 48 * HOUR),
      resolvedBy: ids.vp,
      resolution: "VP escalated to the ISV's alliance lead; sandbox provisioned Monday.",
    }),
    blocker("pm1", 1, {
      description: "Brightpath wants a co-branded FinOps webinar in January; the co-marketing budget for Q1 is not approved yet.",
      severity: "low",
    }),
  ]);
}
