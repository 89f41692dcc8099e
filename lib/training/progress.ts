import { TRAINING_CATEGORIES, type TrainingCategory } from "./schemas";

export interface CatalogueCourse {
  id: string;
  slug: string;
  version: number;
  title: string;
  summary: string;
  category: TrainingCategory;
  level: number;
  minutes: number;
  featureLabel: string;
  tierName: string;
  unlocked: boolean;
  enrollmentId: string | null;
  lastLessonId: string | null;
  passed: boolean;
  lessonsDone: number;
  lessonsTotal: number;
  attemptsUsed: number;
  maxAttempts: number;
  bestScore: number | null;
}

export interface LearningPath {
  slug: string;
  title: string;
  description: string;
  featured: boolean;
  courses: string[];
}

export type CourseState = "locked" | "not_started" | "in_progress" | "assessment" | "passed" | "failed";

/** Where the learner stands in one course. */
export function courseState(c: CatalogueCourse): CourseState {
  if (c.passed) return "passed";
  if (!c.unlocked) return "locked";
  if (!c.enrollmentId) return "not_started";
  if (c.attemptsUsed >= c.maxAttempts) return "failed";
  return c.lessonsTotal > 0 && c.lessonsDone >= c.lessonsTotal ? "assessment" : "in_progress";
}

/** 0–100: lessons count for 80, a passed assessment for the rest. */
export function coursePercent(c: CatalogueCourse): number {
  if (c.passed) return 100;
  if (c.lessonsTotal === 0) return 0;
  return Math.floor((c.lessonsDone / c.lessonsTotal) * 80);
}

export const SKILL_LEVELS = ["Not started", "Foundation", "Practitioner", "Expert"] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/**
 * Skill per category from passed courses: Foundation with one passed, Practitioner with half or more of
 * the category's courses passed, Expert with all of them (locked courses count, so Expert needs the tiers
 * that open them).
 */
export function skillLevels(courses: readonly CatalogueCourse[]): { category: TrainingCategory; level: SkillLevel; passed: number; total: number }[] {
  return TRAINING_CATEGORIES.map((category) => {
    const inCategory = courses.filter((c) => c.category === category);
    const passed = inCategory.filter((c) => c.passed).length;
    const total = inCategory.length;
    const level: SkillLevel =
      passed === 0 ? "Not started" : passed === total ? "Expert" : passed * 2 >= total ? "Practitioner" : "Foundation";
    return { category, level, passed, total };
  }).filter((s) => s.total > 0);
}

/**
 * What to learn next: the course last worked on that is not finished, else the first open course of the
 * featured path (then the other paths, then the catalogue) the learner has not passed.
 */
export function nextToLearn(courses: readonly CatalogueCourse[], paths: readonly LearningPath[]): { course: CatalogueCourse; reason: string } | null {
  const open = courses.filter((c) => c.unlocked && !c.passed && courseState(c) !== "failed");
  const started = open.find((c) => c.enrollmentId !== null);
  if (started) return { course: started, reason: "Pick up where you left off" };
  const ordered = [...paths].sort((a, b) => Number(b.featured) - Number(a.featured));
  for (const path of ordered)
    for (const slug of path.courses) {
      const course = open.find((c) => c.slug === slug);
      if (course) return { course, reason: `Next in ${path.title}` };
    }
  return open[0] ? { course: open[0], reason: "Open to your tier" } : null;
}
