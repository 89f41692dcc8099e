import { describe, expect, test } from "vitest";
import { loadTrainingContent } from "@/lib/training/content";
import { lessonHtml } from "@/lib/training/markdown";
import { parseCourse } from "@/lib/training/parse";
import { courseState, nextToLearn, skillLevels, type CatalogueCourse } from "@/lib/training/progress";
import { shuffled } from "@/lib/training/shuffle";
import { embedUrlOf } from "@/lib/training/video";
import { contentSecurityPolicy } from "@/lib/security/headers";

const content = loadTrainingContent();

describe("the curriculum in content/training", () => {
  test("every file parses, with no problem", () => {
    expect(content.problems).toEqual([]);
  });

  test("eight courses covering the brief, each with lessons and an assessment", () => {
    expect(content.courses.map((c) => c.frontmatter.slug)).toEqual([
      "program-basics",
      "first-referral",
      "deal-registration",
      "product-overview",
      "objection-handling",
      "advanced-sales",
      "technical-deep-dive",
      "co-selling",
    ]);
    for (const c of content.courses) {
      expect(c.lessons.length, c.frontmatter.slug).toBeGreaterThanOrEqual(3);
      expect(c.frontmatter.questions.length, c.frontmatter.slug).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(content.courses.map((c) => c.frontmatter.category))).toEqual(new Set(["sales", "marketing", "product", "technical"]));
    expect(content.courses.find((c) => c.frontmatter.slug === "product-overview")!.lessons.map((l) => l.title)).toEqual(
      expect.arrayContaining(["FinOps", "Security", "Observability", "DevOps", "Data and backup", "Developer platform"]),
    );
  });

  test("every training feature of the matrix opens at least one course, so no unlock is an empty promise", () => {
    const features = new Set(content.courses.map((c) => c.frontmatter.feature));
    expect(features).toEqual(new Set(["training.core", "training.advanced_sales", "training.technical", "training.master_classes"]));
  });

  test("one featured path, naming only courses that exist", () => {
    expect(content.paths.filter((p) => p.featured)).toHaveLength(1);
  });
});

describe("course parsing", () => {
  const file = (body: string, extra = "") => `---
slug: x
title: X
summary: s
category: sales
level: 1
minutes: 5
feature: training.core
passMark: 50
maxAttempts: 1
questions:
  - prompt: P
    kind: single
    choices:
      - { id: a, label: A, correct: true }
      - { id: b, label: B, correct: ${extra || "false"} }
    explanation: E
---
${body}`;

  test("lessons, their video and files come from headings and directives", () => {
    const { course, problems } = parseCourse("01-x.md", file("# One\n<!-- video: https://www.youtube-nocookie.com/embed/abcdef123 -->\nText\n<!-- file: a.md -->\n# Two\nMore"));
    expect(problems).toEqual([]);
    expect(course!.lessons).toEqual([
      { title: "One", bodyMd: "Text", videoUrl: "https://www.youtube-nocookie.com/embed/abcdef123", files: ["a.md"] },
      { title: "Two", bodyMd: "More", videoUrl: null, files: [] },
    ]);
  });

  test.each([
    ["a tracking video host", "# One\n<!-- video: https://www.youtube.com/watch?v=abc -->\nText", "video"],
    ["a remote image", "# One\n![x](https://example.com/x.png)", "image"],
    ["no lesson", "No heading", "needs at least one lesson"],
  ])("refuses %s", (_label, body, message) => {
    const { course, problems } = parseCourse("01-x.md", file(body));
    expect(course).toBeNull();
    expect(problems.map((p) => p.message).join(" ")).toContain(message);
  });

  test("a single-choice question has exactly one right choice", () => {
    expect(parseCourse("01-x.md", file("# One\nText", "true")).course).toBeNull();
  });
});

describe("lesson rendering and embeds", () => {
  test("raw HTML is text, remote images and unsafe links are dropped", () => {
    const html = lessonHtml("<script>x</script>\n\n![a](/training/referral-flow.svg) ![b](https://evil.example/b.png) [c](javascript:alert(1))");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<img src="/training/referral-flow.svg" alt="a"');
    expect(html).not.toContain("evil.example");
    expect(html).not.toContain("javascript:");
  });

  test.each([
    ["https://www.youtube-nocookie.com/embed/abcdef123", true],
    ["https://player.vimeo.com/video/123456", true],
    ["https://www.youtube.com/embed/abcdef123", false],
    ["http://player.vimeo.com/video/123456", false],
  ])("%s is an allowed embed: %s", (url, ok) => {
    expect(embedUrlOf(url) !== null).toBe(ok);
  });

  test("the CSP lets exactly those players be framed", () => {
    expect(contentSecurityPolicy(true)).toContain("frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com");
  });

  test("an attempt's order is a stable permutation of its seed", () => {
    const items = [1, 2, 3, 4, 5, 6];
    expect(shuffled(items, "e:1")).toEqual(shuffled(items, "e:1"));
    expect([...shuffled(items, "e:2")].sort()).toEqual(items);
  });
});

describe("progress", () => {
  const course = (slug: string, over: Partial<CatalogueCourse> = {}): CatalogueCourse => ({
    id: slug, slug, version: 1, title: slug, summary: "", category: "sales", level: 1, minutes: 5, featureLabel: "Core modules",
    tierName: "Starter", unlocked: true, enrollmentId: null, lastLessonId: null, passed: false, lessonsDone: 0, lessonsTotal: 3,
    attemptsUsed: 0, maxAttempts: 2, bestScore: null, ...over,
  });

  test.each([
    [course("a", { unlocked: false }), "locked"],
    [course("a"), "not_started"],
    [course("a", { enrollmentId: "e", lessonsDone: 1 }), "in_progress"],
    [course("a", { enrollmentId: "e", lessonsDone: 3 }), "assessment"],
    [course("a", { enrollmentId: "e", lessonsDone: 3, attemptsUsed: 2 }), "failed"],
    [course("a", { passed: true }), "passed"],
  ] as const)("%o is %s", (c, state) => {
    expect(courseState(c)).toBe(state);
  });

  test("skill levels count passed courses per category", () => {
    const levels = skillLevels([course("a", { passed: true }), course("b"), course("c", { category: "product", passed: true })]);
    expect(levels).toEqual([
      { category: "sales", level: "Practitioner", passed: 1, total: 2 },
      { category: "product", level: "Expert", passed: 1, total: 1 },
    ]);
  });

  test("what to learn next: resume first, then the featured path, never a locked course", () => {
    const paths = [
      { slug: "other", title: "Other", description: "", featured: false, courses: ["c"] },
      { slug: "start", title: "Start", description: "", featured: true, courses: ["a", "b"] },
    ];
    expect(nextToLearn([course("a", { passed: true }), course("b", { unlocked: false }), course("c")], paths)).toMatchObject({ course: { slug: "c" }, reason: "Next in Other" });
    expect(nextToLearn([course("a"), course("b", { enrollmentId: "e" })], paths)).toMatchObject({ course: { slug: "b" }, reason: "Pick up where you left off" });
    expect(nextToLearn([course("a", { passed: true })], paths)).toBeNull();
  });
});
