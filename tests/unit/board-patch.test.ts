import { describe, expect, test } from "vitest";
import { patchColumns, type Columns } from "@/components/pipeline/board-patch";
import type { BoardCard } from "@/lib/opportunities/queries";

const card = (id: string, stageId: string, position: number): BoardCard => ({ id, stageId, position: String(position) }) as unknown as BoardCard;
const ids = (cols: Columns) => Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.map((c) => c.id)]));

describe("a live update patches only the cards that changed", () => {
  const columns: Columns = { lead: [card("a", "lead", 1), card("b", "lead", 2)], demo: [card("c", "demo", 1)], poc: [] };

  test.each([
    ["a card moved to another stage takes its place by position", ["a"], [card("a", "demo", 0.5)], { lead: ["b"], demo: ["a", "c"], poc: [] }],
    ["a reordered card moves within its column", ["a"], [card("a", "lead", 3)], { lead: ["b", "a"], demo: ["c"], poc: [] }],
    ["a card that did not come back leaves the board", ["c"], [], { lead: ["a", "b"], demo: [], poc: [] }],
    ["a new card appears", ["d"], [card("d", "poc", 1)], { lead: ["a", "b"], demo: ["c"], poc: ["d"] }],
    ["a card of a stage the board does not show is dropped", ["a"], [card("a", "elsewhere", 1)], { lead: ["b"], demo: ["c"], poc: [] }],
  ])("%s", (_name, requested, fresh, expected) => {
    expect(ids(patchColumns(columns, requested, fresh))).toEqual(expected);
  });

  test("columns the patch does not touch keep their identity", () => {
    const next = patchColumns(columns, ["a"], [card("a", "lead", 1)]);
    expect(next.demo).toBe(columns.demo);
    expect(next.poc).toBe(columns.poc);
    expect(next.lead).not.toBe(columns.lead);
  });
});
