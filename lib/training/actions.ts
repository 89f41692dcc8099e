"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { assessmentAnswersSchema, courseSlugSchema, lessonIdSchema } from "./schemas";

export interface AssessmentResult {
  score: number;
  passed: boolean;
  passMark: number;
  attemptNo: number;
  attemptsLeft: number;
}

/** Refuses, in words, a course the learner's tier does not open (the database refuses it too). */
async function assertCourseOpen(tx: Tx, where: ReturnType<typeof sql>) {
  const [course] = await rows<{ unlocked: boolean; label: string; tier: string }>(
    tx,
    sql`select private.can_open_course(c.id) as unlocked, f.label, t.name as tier
      from public.training_courses c join public.tier_features f on f.feature_key = c.feature_key
      join public.tiers t on t.id = f.unlock_tier_id where ${where} limit 1`,
  );
  if (!course) throw new ActionError(404, "That course does not exist");
  if (!course.unlocked) throw new ActionError(403, `${course.label} unlocks at the ${course.tier} tier.`);
}

/** Starts the course (its current version) or returns the learner's existing enrollment. */
export const startCourseAction = defineAction({
  roles: ["partner"],
  schema: courseSlugSchema,
  handler: async ({ slug }, { tx }) => {
    await assertCourseOpen(tx, sql`c.slug = ${slug} and (c.is_current or c.id in (
      select e.course_id from public.training_enrollments e where e.profile_id = (select auth.uid()) and e.course_slug = ${slug}))`);
    const [row] = await rows<{ id: string }>(tx, sql`select public.start_training_course(${slug}) as id`);
    revalidatePath("/portal/training");
    return { enrollmentId: row!.id };
  },
});

/** Marks a lesson done; the course resumes at it next time. */
export const completeLessonAction = defineAction({
  roles: ["partner"],
  schema: lessonIdSchema,
  handler: async ({ lessonId }, { tx }) => {
    // A locked course's lessons are not readable at all, so a locked lesson is simply not there.
    const [lesson] = await rows<{ course_id: string }>(tx, sql`select course_id from public.training_lessons where id = ${lessonId}`);
    if (!lesson) throw new ActionError(404, "That lesson does not exist, or your tier does not open its course");
    const [row] = await rows<{ progress: { done: number; total: number } }>(
      tx,
      sql`select public.complete_training_lesson(${lessonId}) as progress`,
    );
    revalidatePath("/portal/training", "layout");
    return row!.progress;
  },
});

/** Submits one attempt; the database grades it and answers with the score. */
export const submitAssessmentAction = defineAction({
  roles: ["partner"],
  schema: assessmentAnswersSchema,
  handler: async ({ enrollmentId, answers }, { tx }): Promise<AssessmentResult> => {
    const [own] = await rows<{ course_id: string }>(
      tx,
      sql`select course_id from public.training_enrollments where id = ${enrollmentId} and profile_id = (select auth.uid())`,
    );
    if (!own) throw new ActionError(404, "Start the course first");
    await assertCourseOpen(tx, sql`c.id = ${own.course_id}`);
    const [row] = await rows<{ result: AssessmentResult }>(
      tx,
      sql`select public.submit_training_assessment(${enrollmentId}, ${JSON.stringify(answers)}::jsonb) as result`,
    );
    revalidatePath("/portal/training", "layout");
    const r = row!.result;
    return { score: r.score, passed: r.passed, passMark: r.passMark, attemptNo: r.attemptNo, attemptsLeft: r.attemptsLeft };
  },
});
