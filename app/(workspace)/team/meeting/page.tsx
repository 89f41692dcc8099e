import type { Metadata } from "next";
import Link from "next/link";
import { MeetingAgenda } from "@/components/status/meeting-agenda";
import { PrintButton } from "@/components/status/print-button";
import { PageHeader } from "@/components/shell/page-header";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getMeetingAgenda } from "@/lib/status/meeting";
import { listTeammates } from "@/lib/status/queries";
import { formatWeek, weekStartOf } from "@/lib/status/week";

export const metadata: Metadata = { title: "Weekly meeting" };

// Printing shows only the agenda: the app shell, forms and buttons stay on screen.
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  #meeting-print, #meeting-print * { visibility: visible; }
  #meeting-print { position: absolute; inset: 0 auto auto 0; width: 100%; padding: 0; }
  @page { margin: 16mm; }
}`;

export default async function MeetingPage() {
  const user = await requireUser(["vp"]);
  const now = new Date();
  const { agenda, teammates } = await withSession({ claims: user.claims }, async (tx) => ({
    agenda: await getMeetingAgenda(tx, now),
    teammates: await listTeammates(tx),
  }));
  return (
    <div id="meeting-print" className="grid gap-6">
      <style>{PRINT_CSS}</style>
      <PageHeader
        title="Weekly meeting"
        description={`Agenda for the week of ${formatWeek(weekStartOf(now))}: decide on blockers, alerts, stalled deals and goal gaps.`}
        actions={
          <>
            <Link href="/team" className="text-sm underline-offset-4 hover:underline print:hidden">
              Back to team
            </Link>
            <PrintButton />
          </>
        }
      />
      <MeetingAgenda agenda={agenda} teammates={teammates.map((t) => ({ id: t.id, name: t.name }))} />
    </div>
  );
}
