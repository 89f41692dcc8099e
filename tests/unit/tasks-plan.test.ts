import { describe, expect, test } from "vitest";
import { parseTaskParams } from "@/lib/tasks/params";
import { planUpdate, weekFor, type TaskState } from "@/lib/tasks/write";

const NOW = new Date("2026-11-18T10:00:00Z"); // Wednesday; the week starts 2026-11-16
const ME = "11111111-1111-4111-8111-111111111111";
const YOU = "22222222-2222-4222-8222-222222222222";

const before: TaskState = {
  id: "33333333-3333-4333-8333-333333333333",
  title: "Call Ada",
  notes: null,
  priority: "medium",
  category: "admin",
  opportunityId: null,
  partnerId: null,
  assigneeId: ME,
  dueDate: "2026-11-19",
  weekStart: "2026-11-16",
  completedAt: null,
};
const same = {
  id: before.id,
  title: "Call Ada",
  priority: "medium",
  category: "admin",
  assigneeId: ME,
  dueDate: "2026-11-19",
} as const;

describe("the week a task belongs to", () => {
  test.each([
    ["2026-11-27", "2026-11-16", "2026-11-23"], // due next week → next week
    ["2026-11-02", "2026-11-16", "2026-11-16"], // due in the past → never before this week
    [null, "2026-11-30", "2026-11-30"], // no due date → the week chosen
    [null, "2026-11-09", "2026-11-16"],
  ])("due %s, chosen %s → %s", (due, fallback, expected) => {
    expect(weekFor(due, fallback, "2026-11-16")).toBe(expected);
  });
});

describe("planning an edit", () => {
  test("no change, no history", () => {
    expect(planUpdate(before, same, ME, NOW)).toEqual({ set: {}, events: [] });
  });

  test("a delegation, a new due date and an edit each leave their own event", () => {
    const plan = planUpdate(
      before,
      { ...same, title: "Call Ada Lovelace", priority: "high", assigneeId: YOU, dueDate: "2026-11-25" },
      ME,
      NOW,
    );
    expect(plan.set).toEqual({
      title: "Call Ada Lovelace",
      priority: "high",
      assigneeId: YOU,
      delegatedBy: ME,
      dueDate: "2026-11-25",
      weekStart: "2026-11-23",
    });
    expect(plan.events.map((e) => [e.kind, e.detail])).toEqual([
      ["edited", { fields: ["title", "priority"] }],
      ["delegated", { from: ME, to: YOU }],
      ["rescheduled", { from: "2026-11-19", to: "2026-11-25", fromWeek: "2026-11-16", toWeek: "2026-11-23" }],
    ]);
  });
});

describe("tasks page params", () => {
  test("defaults to this week; any date snaps to its Monday; junk is dropped", () => {
    expect(parseTaskParams({}, NOW)).toEqual({ week: "2026-11-16", scope: "mine", status: "all" });
    expect(
      parseTaskParams(
        { week: "2026-11-26", priority: "urgent", status: "overdue", category: "nope", task: "x" },
        NOW,
      ),
    ).toEqual({
      week: "2026-11-23",
      scope: "mine",
      priority: "urgent",
      status: "overdue",
    });
  });
});
