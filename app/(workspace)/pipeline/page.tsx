import type { Metadata } from "next";
import Link from "next/link";
import { Kanban, List } from "lucide-react";
import { Board } from "@/components/pipeline/board";
import { OpportunityList } from "@/components/pipeline/opportunity-list";
import { PipelineFilters } from "@/components/pipeline/pipeline-filters";
import { NewOpportunityButton } from "@/components/pipeline/new-opportunity-button";
import { OpportunitySheet } from "@/components/pipeline/opportunity-sheet";
import { SavedViews } from "@/components/pipeline/saved-views";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession, type SessionClaims } from "@/lib/db/session";
import { minorDigits } from "@/lib/money";
import { filtersOf, parsePipelineParams, sortOf, type PipelineParams } from "@/lib/opportunities/params";
import { getOpportunityOrThrow, getPipelineOptions, listBoardCards, listOpportunities, listSavedViews, listStages, OpportunityNotFoundError } from "@/lib/opportunities/queries";
import type { Tx } from "@/lib/db/connection";
import { listOpportunityCommissions } from "@/lib/commission-records/queries";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Pipeline" };

const PAGE_SIZE = 50;

async function loadDetail(tx: Tx, id: string | undefined) {
  if (!id) return { detail: null, notFound: false, commissions: [] };
  try {
    return { detail: await getOpportunityOrThrow(tx, id), notFound: false, commissions: await listOpportunityCommissions(tx, id) };
  } catch (error) {
    if (error instanceof OpportunityNotFoundError) return { detail: null, notFound: true, commissions: [] };
    throw error;
  }
}

function loadPipeline(claims: SessionClaims, params: PipelineParams) {
  return withSession({ claims }, async (tx) => {
    const options = await getPipelineOptions(tx);
    const sheet = await loadDetail(tx, params.opportunity);
    const views = await listSavedViews(tx);
    const filters = filtersOf(params, 10 ** minorDigits(options.currency));
    const stages = await listStages(tx);
    if (params.view === "list") {
      const list = await listOpportunities(tx, filters, sortOf(params), { limit: PAGE_SIZE, offset: (params.page - 1) * PAGE_SIZE });
      return { options, stages, list, cards: null, now: Date.now(), views, ...sheet };
    }
    return { options, stages, list: null, cards: await listBoardCards(tx, filters), now: Date.now(), views, ...sheet };
  });
}

export default async function PipelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser(STAFF_ROLES);
  const params = parsePipelineParams(await searchParams);
  const data = await loadPipeline(user.claims, params);
  const query = (view: "board" | "list") => {
    const next = new URLSearchParams();
    for (const key of ["owner", "partner", "domain"] as const) if (params[key]) next.set(key, params[key]!);
    if (view === "list") next.set("view", "list");
    const s = next.toString();
    return s ? `/pipeline?${s}` : "/pipeline";
  };
  const tab = (view: "board" | "list", label: string, Icon: typeof Kanban) => (
    <Button asChild variant={params.view === view ? "secondary" : "ghost"} size="sm">
      <Link href={query(view)} aria-current={params.view === view ? "page" : undefined}>
        <Icon aria-hidden /> {label}
      </Link>
    </Button>
  );
  return (
    <div className="grid gap-5">
      {/* The board refetches the cards that change; the list view and a stage change re-render the page. */}
      <LiveRefresh tables={params.view === "list" ? ["opportunities", "stages"] : ["stages"]} />
      <PageHeader
        title="Pipeline"
        description="Every opportunity from lead to close. Drag a card, or focus it and press ← → to change its stage, Space to reorder, Enter to open."
        actions={
          <>
            <SavedViews views={data.views} />
            {user.role !== "finance" ? <NewOpportunityButton /> : null}
            <nav aria-label="Pipeline views" className={cn("flex items-center gap-1 rounded-lg border p-1")}>
              {tab("board", "Board", Kanban)}
              {tab("list", "List", List)}
            </nav>
          </>
        }
      />
      <PipelineFilters options={data.options} stages={data.stages} list={params.view === "list"} />
      {data.cards ? (
        <Board stages={data.stages} cards={data.cards} options={data.options} now={data.now} />
      ) : (
        <OpportunityList rows={data.list!.rows} total={data.list!.total} page={params.page} pageSize={PAGE_SIZE} stages={data.stages} options={data.options} canReassign={user.role === "vp"} canImport={user.role !== "finance"} />
      )}
      <OpportunitySheet
        detail={data.detail}
        commissions={data.commissions}
        creating={params.new === "1"}
        notFound={data.notFound}
        options={data.options}
        stages={data.stages}
        currentUserId={user.id}
        canAssign={user.role === "vp"}
        commissionPermissions={{
          canOverride: user.role === "vp" || user.role === "finance" || data.detail?.ownerId === user.id,
          canRefund: (user.role === "vp" || user.role === "finance") && Boolean(data.stages.find((s) => s.id === data.detail?.stageId)?.isWon),
          currentUserId: user.id,
          isVp: user.role === "vp",
        }}
      />
    </div>
  );
}
