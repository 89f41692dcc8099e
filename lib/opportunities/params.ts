import { z } from "zod";
import { searchTextSchema } from "@/lib/http/text";
import { DOMAINS } from "./schemas";
import type { PipelineFilters, SortKey } from "./queries";

const optionalUuid = z.uuid().optional().catch(undefined);

/** URL search params → filters; anything malformed is dropped rather than failing the page. */
export const pipelineParamsSchema = z.object({
  view: z.enum(["board", "list"]).catch("board"),
  owner: optionalUuid,
  partner: optionalUuid,
  stage: optionalUuid,
  domain: z.enum(DOMAINS).optional().catch(undefined),
  q: searchTextSchema(100).optional().catch(undefined),
  min: z.coerce.number().int().nonnegative().optional().catch(undefined),
  max: z.coerce.number().int().nonnegative().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  sort: z.enum(["value", "close", "customer", "updated"]).catch("updated"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  opportunity: optionalUuid,
  new: z.literal("1").optional().catch(undefined),
});

export type PipelineParams = z.infer<typeof pipelineParamsSchema>;

export function parsePipelineParams(search: Record<string, string | string[] | undefined>): PipelineParams {
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return pipelineParamsSchema.parse(flat);
}

/** Value filters arrive in major units of the workspace currency (cents would be unreadable in a URL). */
export function filtersOf(p: PipelineParams, minorFactor: number): PipelineFilters {
  return {
    owner: p.owner,
    partner: p.partner,
    stage: p.stage,
    domain: p.domain,
    q: p.q || undefined,
    minValue: p.min !== undefined ? p.min * minorFactor : undefined,
    maxValue: p.max !== undefined ? p.max * minorFactor : undefined,
    closeFrom: p.from,
    closeTo: p.to,
  };
}

export const sortOf = (p: PipelineParams): { key: SortKey; dir: "asc" | "desc" } => ({ key: p.sort, dir: p.dir });
