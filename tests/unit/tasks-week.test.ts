import { describe, expect, test } from "vitest";
import { addDays, addWeeks, isOverdue, weekLabel, weeksBetween, weekStartOf } from "@/lib/tasks/week";
import { createTaskSchema, bulkTasksSchema } from "@/lib/tasks/schemas";

describe("week math (UTC, Monday start)", () => {
  test.each([
    ["2026-11-16", "2026-11-16"], // Monday
    ["2026-11-22", "2026-11-16"], // Sunday belongs to the week before
    ["2026-11-23", "2026-11-23"],
    ["2026-01-01", "2025-12-29"], // across a year boundary
    ["2028-02-29", "2028-02-28"], // leap day
  ])("the week of %s starts on %s", (day, monday) => {
    expect(weekStartOf(day)).toBe(monday);
  });

  test("a timestamp uses its UTC date, whatever the local zone", () => {
    expect(weekStartOf(new Date("2026-11-22T23:59:59Z"))).toBe("2026-11-16");
    expect(weekStartOf(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
  });

  test("adding and counting weeks", () => {
    expect(addWeeks("2026-12-28", 1)).toBe("2027-01-04");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(weeksBetween("2026-11-02", "2026-11-23")).toBe(3);
    expect(weeksBetween("2026-11-23", "2026-11-02")).toBe(-3);
  });

  test.each([
    [{ dueDate: "2026-11-20", completedAt: null }, "2026-11-21", true],
    [{ dueDate: "2026-11-21", completedAt: null }, "2026-11-21", false],
    [{ dueDate: "2026-11-20", completedAt: new Date() }, "2026-11-21", false],
    [{ dueDate: null, completedAt: null }, "2026-11-21", false],
  ])("overdue %o on %s → %s", (task, today, expected) => {
    expect(isOverdue(task, today)).toBe(expected);
  });

  test("week labels run Monday to Sunday", () => {
    expect(weekLabel("2026-11-16")).toBe("Nov 16 – Nov 22");
  });
});

describe("task schema", () => {
  test("empty optional fields from a form become null; defaults apply", () => {
    expect(
      createTaskSchema.parse({ title: " Call Ada ", notes: "", dueDate: "", assigneeId: "", weekStart: "" }),
    ).toEqual({
      title: "Call Ada",
      notes: null,
      priority: "medium",
      category: "admin",
      dueDate: null,
      assigneeId: null,
      weekStart: null,
    });
  });

  test("a week must start on a Monday and links must match the category", () => {
    const bad = createTaskSchema.safeParse({ title: "x", weekStart: "2026-11-18" });
    expect(bad.success).toBe(false);
    const link = createTaskSchema.safeParse({
      title: "x",
      category: "partner",
      opportunityId: "00000000-0000-4000-8000-000000000000",
    });
    expect(link.success ? [] : link.error.issues.map((i) => i.path.join("."))).toEqual(["opportunityId"]);
  });

  test("bulk reschedule needs a date; unknown operations are refused", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(bulkTasksSchema.safeParse({ op: "reschedule", ids: [id] }).success).toBe(false);
    expect(bulkTasksSchema.safeParse({ op: "archive", ids: [id] }).success).toBe(false);
    expect(bulkTasksSchema.safeParse({ op: "complete", ids: [id] }).success).toBe(true);
  });
});
