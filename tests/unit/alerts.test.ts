import { describe, expect, test } from "vitest";
import { pickWithinCap } from "@/lib/alerts/engine";
import { digestContent } from "@/lib/alerts/digest-content";
import { goalCondition, quarterClock } from "@/lib/alerts/rules/goal-milestone";
import { ruleSettingsSchema, THRESHOLD_SCHEMAS } from "@/lib/alerts/schemas";
import { nextMonday, snoozeUntil } from "@/lib/alerts/snooze";
import { shiftPriority, type AlertCandidate, type AlertPriority } from "@/lib/alerts/types";
import { fieldErrorsOf } from "@/lib/http/problem";

describe("snooze", () => {
  test.each([
    ["2026-11-18T15:00:00Z", "2026-11-23T08:00:00.000Z"], // Wednesday
    ["2026-11-22T23:00:00Z", "2026-11-23T08:00:00.000Z"], // Sunday night
    ["2026-11-23T07:00:00Z", "2026-11-30T08:00:00.000Z"], // Monday: never today
  ])("next Monday after %s is %s", (now, expected) => {
    expect(nextMonday(new Date(now)).toISOString()).toBe(expected);
  });

  test("one and three days, a custom date's morning, and refused custom dates", () => {
    const now = new Date("2026-11-18T15:00:00Z");
    expect(snoozeUntil("1d", now)).toEqual(new Date("2026-11-19T15:00:00Z"));
    expect(snoozeUntil("3d", now)).toEqual(new Date("2026-11-21T15:00:00Z"));
    expect(snoozeUntil("custom", now, "2026-12-01")).toEqual(new Date("2026-12-01T08:00:00Z"));
    expect(snoozeUntil("custom", now, "2026-11-18")).toEqual({ error: "Pick a date after today" });
    expect(snoozeUntil("custom", now, "2028-01-01")).toEqual({ error: "Snooze for at most a year" });
    expect(snoozeUntil("custom", now)).toEqual({ error: "Pick a date" });
  });
});

describe("priorities and the daily cap", () => {
  test.each<[AlertPriority, number, AlertPriority]>([
    ["medium", 1, "high"],
    ["high", 2, "critical"],
    ["low", -1, "low"],
    ["critical", 1, "critical"],
  ])("%s shifted by %i is %s", (base, by, expected) => {
    expect(shiftPriority(base, by)).toBe(expected);
  });

  const candidate = (
    userId: string,
    key: string,
    priority: AlertPriority,
    since: string,
  ): AlertCandidate => ({
    ruleKey: "opportunity_stagnation",
    userId,
    dedupeKey: key,
    priority,
    category: "pipeline",
    title: key,
    body: "",
    link: "/",
    recommendedAction: "",
    entityType: "opportunity",
    entityId: "00000000-0000-4000-8000-000000000000",
    since: new Date(since),
  });

  test("the most urgent, then the oldest conditions fill each person's remaining allowance", () => {
    const chosen = pickWithinCap(
      [
        candidate("a", "old-medium", "medium", "2026-01-01"),
        candidate("a", "new-critical", "critical", "2026-06-01"),
        candidate("a", "older-medium", "medium", "2025-12-01"),
        candidate("a", "older-medium", "medium", "2025-12-01"),
        candidate("b", "b1", "low", "2026-01-01"),
        candidate("c", "c1", "high", "2026-01-01"),
      ],
      new Map([
        ["a", 2],
        ["b", 0],
        ["c", 5],
      ]),
    );
    expect(chosen.map((c) => c.dedupeKey)).toEqual(["new-critical", "older-medium", "c1"]);
  });
});

describe("goal conditions", () => {
  const t = THRESHOLD_SCHEMAS.goal_milestone.parse({ milestonePercent: 75, behindPacePercent: 80 });
  const mid = { share: 0.5, afterGrace: true };
  test.each([
    [100, 100, mid, "reached"],
    [75, 100, mid, "milestone"],
    [74, 100, mid, null],
    [39, 100, mid, "behind"], // 80 % of the 50 % pace is 40
    [40, 100, mid, null],
    [0, 100, { share: 0.05, afterGrace: false }, null], // the grace days: nobody is behind on day one
    [0, 0, mid, null],
  ] as const)("won %i of %i → %s", (won, target, clock, expected) => {
    expect(goalCondition(won, target, t, clock)).toBe(expected);
  });

  test("the quarter clock: share elapsed, grace and month within the quarter", () => {
    const clock = quarterClock(new Date("2026-11-16T00:00:00Z"), 14);
    expect(clock.q.label).toBe("Q4 2026");
    expect(clock.month).toBe(2);
    expect(clock.afterGrace).toBe(true);
    expect(clock.share).toBeCloseTo(46 / 92, 5);
    expect(quarterClock(new Date("2026-10-05T00:00:00Z"), 14).afterGrace).toBe(false);
  });
});

describe("rule settings validation", () => {
  const errors = (input: unknown) => {
    const parsed = ruleSettingsSchema.safeParse(input);
    return parsed.success ? null : fieldErrorsOf(parsed.error);
  };

  test("each rule's thresholds are checked field by field", () => {
    expect(
      errors({
        key: "opportunity_stagnation",
        enabled: true,
        priority: "medium",
        thresholds: { days: "-3" },
      }),
    ).toEqual({ "thresholds.days": ["Use at least 1"] });
    expect(
      errors({
        key: "task_overdue",
        enabled: true,
        priority: "medium",
        thresholds: { escalateAfterDays: "2.5" },
      }),
    ).toEqual({
      "thresholds.escalateAfterDays": ["Use a whole number"],
    });
    expect(
      errors({
        key: "goal_milestone",
        enabled: true,
        priority: "medium",
        thresholds: { milestonePercent: "100", behindPacePercent: "", graceDays: "7" },
      }),
    ).toEqual({
      "thresholds.milestonePercent": ["Use at most 99"],
      "thresholds.behindPacePercent": ["Enter a percentage"],
    });
    expect(errors({ key: "nope", enabled: true, priority: "medium", thresholds: {} })).not.toBeNull();
    expect(
      errors({
        key: "commission_approval",
        enabled: "on",
        priority: "low",
        thresholds: { waitingDays: "0" },
      }),
    ).toBeNull();
  });

  test("stored thresholds fill in defaults for keys added later", () => {
    expect(THRESHOLD_SCHEMAS.high_value_change.parse({ amountMinor: 10000000 })).toEqual({
      amountMinor: 10000000,
      withinDays: 2,
    });
  });
});

describe("digest email", () => {
  test("lists alerts with their actions and links, escapes HTML, counts the rest", () => {
    const alerts = Array.from({ length: 27 }, (_, i) => ({
      title: i === 0 ? "<b>Acme</b> stalled" : `Alert ${i}`,
      priority: "high",
      recommendedAction: "Call them",
      link: `/pipeline?opportunity=${i}`,
    }));
    const mail = digestContent("Sam", alerts, "https://app.example");
    expect(mail.subject).toBe("27 new alerts in PartnerOS");
    expect(mail.text).toContain("https://app.example/pipeline?opportunity=0");
    expect(mail.text).toContain("…and 2 more.");
    expect(mail.html).toContain("&lt;b&gt;Acme&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>Acme</b>");
  });
});
