import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connection";
import { rows, runAsUser, type SessionClaims } from "@/lib/db/session";

export const DEFAULT_STAGES = [
  { key: "lead", name: "Lead", probability: 10 },
  { key: "demo", name: "Demo", probability: 25 },
  { key: "poc", name: "POC", probability: 50, required: ["technical_contact_name"] },
  { key: "proposal", name: "Proposal", probability: 75 },
  { key: "closed_won", name: "Closed won", probability: 100, won: true },
  { key: "closed_lost", name: "Closed lost", probability: 0, lost: true },
] as const;

export type StageIds = Record<(typeof DEFAULT_STAGES)[number]["key"], string>;

export async function createDefaultStages(conn: Connection): Promise<StageIds> {
  const ids: Partial<StageIds> = {};
  for (const [position, s] of DEFAULT_STAGES.entries()) {
    const required = "required" in s ? s.required : [];
    const [row] = await conn.query<{ id: string }>(
      "insert into public.stages (key, name, position, probability, is_won, is_lost, required_fields) values ($1, $2, $3, $4, $5, $6, $7) on conflict (key) do update set name = excluded.name returning id",
      [s.key, s.name, position, s.probability, "won" in s, "lost" in s, required],
    );
    ids[s.key] = row!.id;
  }
  return ids as StageIds;
}

export interface MoveArgs {
  before?: string | null;
  after?: string | null;
  justification?: string | null;
  finalValueMinor?: number | null;
  closeDate?: string | null;
  lossReason?: string | null;
}

export function move(conn: Connection, claims: SessionClaims, opportunityId: string, toStageId: string, args: MoveArgs = {}) {
  return runAsUser(conn, claims, (tx) =>
    rows<{ id: string; stage_id: string; position: string }>(
      tx,
      sql`select * from public.move_opportunity(${opportunityId}, ${toStageId}, ${args.before ?? null}, ${args.after ?? null},
        ${args.justification ?? null}, ${args.finalValueMinor ?? null}, ${args.closeDate ?? null}, ${args.lossReason ?? null})`,
    ),
  );
}
