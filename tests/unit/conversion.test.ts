import { describe, expect, test } from "vitest";
import {
  sizeBand,
  stageConversions,
  stageDurations,
  tally,
  type ClosedRow,
  type FunnelStage,
  type StageMove,
} from "@/lib/dashboard/conversion";

const STAGES: FunnelStage[] = [
  { id: "lead", key: "lead", name: "Lead", position: 0, isWon: false, isLost: false },
  { id: "demo", key: "demo", name: "Demo", position: 1, isWon: false, isLost: false },
  { id: "poc", key: "poc", name: "POC", position: 2, isWon: false, isLost: false },
  { id: "won", key: "closed_won", name: "Closed won", position: 4, isWon: true, isLost: false },
  // Positioned before "won" on purpose: lost must never rank as progress whatever its position.
  { id: "lost", key: "closed_lost", name: "Closed lost", position: 3, isWon: false, isLost: true },
];

const DAY = 86_400_000;
const WINDOW = { from: 10 * DAY, to: 100 * DAY };

/** A deal's path as [stage, day] pairs; the first pair is the creation row (no from-stage). */
function path(id: string, steps: [string, number][]): StageMove[] {
  return steps.map(([to, day], i) => ({
    opportunityId: id,
    fromStageId: i === 0 ? null : steps[i - 1]![0],
    toStageId: to,
    movedAt: day * DAY,
  }));
}

/** [entered, advanced] per transition: lead→demo, demo→poc, poc→won. */
const counts = (moves: StageMove[]) =>
  stageConversions(moves, STAGES, WINDOW).map((c) => [c.entered, c.advanced]);

describe("stageConversions", () => {
  test.each<[string, StageMove[], number[][]]>([
    [
      "no history",
      [],
      [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    ],
    [
      "straight to won",
      path("a", [
        ["lead", 20],
        ["demo", 30],
        ["poc", 40],
        ["won", 50],
      ]),
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
    ],
    [
      "stuck in demo",
      path("a", [
        ["lead", 20],
        ["demo", 30],
      ]),
      [
        [1, 1],
        [1, 0],
        [0, 0],
      ],
    ],
    [
      "lost from POC is not progress",
      path("a", [
        ["lead", 20],
        ["demo", 30],
        ["poc", 40],
        ["lost", 50],
      ]),
      [
        [1, 1],
        [1, 1],
        [1, 0],
      ],
    ],
    [
      "skipping demo still converts lead",
      path("a", [
        ["lead", 20],
        ["poc", 30],
      ]),
      [
        [1, 1],
        [0, 0],
        [1, 0],
      ],
    ],
    [
      "won straight from lead converts lead only",
      path("a", [
        ["lead", 20],
        ["won", 30],
      ]),
      [
        [1, 1],
        [0, 0],
        [0, 0],
      ],
    ],
    [
      "entry before the window is not counted",
      path("a", [
        ["lead", 5],
        ["demo", 20],
      ]),
      [
        [0, 0],
        [1, 0],
        [0, 0],
      ],
    ],
    [
      "a move after the window still counts as progress",
      path("a", [
        ["lead", 90],
        ["demo", 120],
      ]),
      [
        [1, 1],
        [0, 0],
        [0, 0],
      ],
    ],
    [
      "re-entering a stage counts the deal once",
      path("a", [
        ["lead", 20],
        ["demo", 30],
        ["lead", 40],
        ["demo", 50],
      ]),
      [
        [1, 1],
        [1, 0],
        [0, 0],
      ],
    ],
    [
      "moving back and losing does not convert",
      path("a", [
        ["lead", 20],
        ["demo", 30],
        ["lead", 40],
        ["lost", 50],
      ]),
      [
        [1, 1],
        [1, 0],
        [0, 0],
      ],
    ],
    [
      "a first move with no creation row implies its from-stage",
      [{ opportunityId: "a", fromStageId: "lead", toStageId: "demo", movedAt: 20 * DAY }],
      [
        [1, 1],
        [1, 0],
        [0, 0],
      ],
    ],
    [
      "two deals are counted separately",
      [
        ...path("a", [
          ["lead", 20],
          ["demo", 30],
        ]),
        ...path("b", [
          ["lead", 25],
          ["lost", 35],
        ]),
      ],
      [
        [2, 1],
        [1, 0],
        [0, 0],
      ],
    ],
  ])("%s", (_name, moves, expected) => {
    expect(counts(moves)).toEqual(expected);
  });

  test("names each transition and gives a rate only when deals entered", () => {
    const result = stageConversions(
      [
        ...path("a", [
          ["lead", 20],
          ["demo", 30],
        ]),
        ...path("b", [["lead", 20]]),
      ],
      STAGES,
      WINDOW,
    );
    expect(result.map((c) => `${c.from.key}→${c.to.key}`)).toEqual([
      "lead→demo",
      "demo→poc",
      "poc→closed_won",
    ]);
    expect(result.map((c) => c.rate)).toEqual([0.5, 0, null]);
  });

  test("a creation row written in the same instant as the first move still comes first", () => {
    const moves: StageMove[] = [
      { opportunityId: "a", fromStageId: "lead", toStageId: "demo", movedAt: 20 * DAY },
      { opportunityId: "a", fromStageId: null, toStageId: "lead", movedAt: 20 * DAY },
    ];
    expect(counts(moves)).toEqual([
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
  });
});

describe("stageDurations", () => {
  test.each<[string, StageMove[], (number | null)[][]]>([
    [
      "no history",
      [],
      [
        [0, null, null],
        [0, null, null],
        [0, null, null],
      ],
    ],
    [
      "one full path",
      path("a", [
        ["lead", 20],
        ["demo", 30],
        ["poc", 34],
        ["won", 50],
      ]),
      [
        [1, 10, 10],
        [1, 4, 4],
        [1, 16, 16],
      ],
    ],
    [
      "a stage still running is left out",
      path("a", [
        ["lead", 20],
        ["demo", 30],
      ]),
      [
        [1, 10, 10],
        [0, null, null],
        [0, null, null],
      ],
    ],
    [
      "average and median over several deals",
      [
        ...path("a", [
          ["lead", 20],
          ["demo", 22],
        ]),
        ...path("b", [
          ["lead", 20],
          ["demo", 24],
        ]),
        ...path("c", [
          ["lead", 20],
          ["demo", 32],
        ]),
      ],
      [
        [3, 6, 4],
        [0, null, null],
        [0, null, null],
      ],
    ],
    [
      "even sample: median is the middle pair's mean",
      [
        ...path("a", [
          ["lead", 20],
          ["demo", 22],
        ]),
        ...path("b", [
          ["lead", 20],
          ["demo", 26],
        ]),
      ],
      [
        [2, 4, 4],
        [0, null, null],
        [0, null, null],
      ],
    ],
    [
      "a stay starting before the window is left out",
      path("a", [
        ["lead", 5],
        ["demo", 20],
        ["poc", 25],
      ]),
      [
        [0, null, null],
        [1, 5, 5],
        [0, null, null],
      ],
    ],
    [
      "an inferred from-stage has no known start",
      [{ opportunityId: "a", fromStageId: "lead", toStageId: "demo", movedAt: 20 * DAY }],
      [
        [0, null, null],
        [0, null, null],
        [0, null, null],
      ],
    ],
  ])("%s", (_name, moves, expected) => {
    expect(
      stageDurations(moves, STAGES, WINDOW).map((d) => [d.samples, d.averageDays, d.medianDays]),
    ).toEqual(expected);
  });
});

describe("sizeBand", () => {
  test.each<[number, string, string]>([
    [0, "0", "< $25K"],
    [2_499_999, "0", "< $25K"],
    [2_500_000, "1", "$25K–$100K"],
    [9_999_999, "1", "$25K–$100K"],
    [10_000_000, "2", "$100K–$500K"],
    [50_000_000, "3", "≥ $500K"],
  ])("%i cents → band %s (%s)", (valueMinor, key, label) => {
    expect(sizeBand(valueMinor, "USD")).toEqual([key, label]);
  });

  test("uses the currency's minor digits", () => {
    expect(sizeBand(25_000, "JPY")[0]).toBe("1");
  });
});

describe("tally", () => {
  const row = (won: boolean, ownerId: string): ClosedRow => ({
    won,
    lossReason: null,
    partnerId: null,
    partnerName: null,
    ownerId,
    ownerName: ownerId.toUpperCase(),
    valueMinor: 1,
    currency: "USD",
  });

  test("counts won and lost per group, largest first, skipping unkeyed rows", () => {
    const rows = [row(true, "a"), row(false, "a"), row(false, "a"), row(true, "b"), row(true, "c")];
    const result = tally(rows, (r) => (r.ownerId === "c" ? null : [r.ownerId, r.ownerName]));
    expect(result).toEqual([
      { key: "a", label: "A", won: 1, lost: 2, winRate: 1 / 3 },
      { key: "b", label: "B", won: 1, lost: 0, winRate: 1 },
    ]);
  });
});
