import { sql } from "drizzle-orm";
import type { Tx } from "../db/connection";

/**
 * One demo learner outside the demo login's organisation has taken Program basics: every lesson done and
 * the assessment passed on the first attempt, graded from the answer keys as the database would.
 */
export async function seedTrainingProgress(tx: Tx, demoPartnerId: string): Promise<void> {
  await tx.execute(sql`
    with learner as (
      select p.id, p.partner_id from public.profiles p
      where p.role = 'partner' and p.partner_id <> ${demoPartnerId} order by p.email limit 1
    ), course as (
      select c.id, c.slug from public.training_courses c where c.slug = 'program-basics' and c.is_current
    ), enrollment as (
      insert into public.training_enrollments (profile_id, partner_id, course_slug, course_id, last_lesson_id, passed_at, completed_at)
      select l.id, l.partner_id, c.slug, c.id,
        (select x.id from public.training_lessons x where x.course_id = c.id order by x.position desc limit 1), now(), now()
      from learner l, course c
      returning id, profile_id, course_id
    ), lessons as (
      insert into public.training_lesson_progress (enrollment_id, profile_id, lesson_id)
      select e.id, e.profile_id, x.id from enrollment e join public.training_lessons x on x.course_id = e.course_id
      returning 1
    )
    insert into public.training_attempts (enrollment_id, profile_id, course_id, attempt_no, answers, score, passed, result)
    select e.id, e.profile_id, e.course_id, 1,
      (select jsonb_object_agg(q.id, to_jsonb(k.correct)) from public.training_questions q
        join private.training_answer_keys k on k.question_id = q.id where q.course_id = e.course_id),
      100, true,
      (select jsonb_agg(jsonb_build_object('questionId', q.id, 'chosen', to_jsonb(k.correct), 'correct', to_jsonb(k.correct),
          'right', true, 'explanation', k.explanation) order by q.position)
        from public.training_questions q join private.training_answer_keys k on k.question_id = q.id where q.course_id = e.course_id)
    from enrollment e where (select count(*) from lessons) > 0`);
}
