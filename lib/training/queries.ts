import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import type { TrainingFile } from "@/lib/db/schema";
import type { CatalogueCourse, LearningPath } from "./progress";
import type { TrainingCategory } from "./schemas";

export class TrainingNotFoundError extends Error {}

/**
 * Every course a learner sees: the version it started, else the current one, with whether its tier opens
 * it (the database's answer), the tier that does, and the learner's progress.
 */
export async function listCatalogue(tx: Tx): Promise<CatalogueCourse[]> {
  const found = await rows<{
    id: string;
    slug: string;
    version: number;
    title: string;
    summary: string;
    category: TrainingCategory;
    level: number;
    minutes: number;
    feature_label: string;
    tier_name: string;
    unlocked: boolean;
    enrollment_id: string | null;
    last_lesson_id: string | null;
    passed_at: string | null;
    lessons_done: number;
    lessons_total: number;
    attempts_used: number;
    max_attempts: number;
    best_score: number | null;
  }>(
    tx,
    sql`with mine as (
        select e.* from public.training_enrollments e where e.profile_id = (select auth.uid())
      ), shown as (
        select c.* from public.training_courses c
        where (c.is_current and not exists (select 1 from mine m where m.course_slug = c.slug))
          or c.id in (select m.course_id from mine m)
      )
      select c.id, c.slug, c.version, c.title, c.summary, c.category, c.level, c.minutes, f.label as feature_label,
        t.name as tier_name, private.can_open_course(c.id) as unlocked,
        m.id as enrollment_id, m.last_lesson_id, m.passed_at::text,
        (select count(*)::int from public.training_lesson_progress p where p.enrollment_id = m.id) as lessons_done,
        (select count(*)::int from public.training_lessons l where l.course_id = c.id) as lessons_total,
        (select count(*)::int from public.training_attempts a where a.enrollment_id = m.id) as attempts_used,
        c.max_attempts,
        (select max(a.score) from public.training_attempts a where a.enrollment_id = m.id) as best_score
      from shown c
      join public.tier_features f on f.feature_key = c.feature_key
      join public.tiers t on t.id = f.unlock_tier_id
      left join mine m on m.course_id = c.id
      order by c.position, c.slug`,
  );
  return found.map((c) => ({
    id: c.id,
    slug: c.slug,
    version: c.version,
    title: c.title,
    summary: c.summary,
    category: c.category,
    level: c.level,
    minutes: c.minutes,
    featureLabel: c.feature_label,
    tierName: c.tier_name,
    unlocked: c.unlocked,
    enrollmentId: c.enrollment_id,
    lastLessonId: c.last_lesson_id,
    passed: c.passed_at !== null,
    lessonsDone: c.lessons_done,
    // A locked course's lessons are not readable, so its count is 0 here; the page says "locked" instead.
    lessonsTotal: c.lessons_total,
    attemptsUsed: c.attempts_used,
    maxAttempts: c.max_attempts,
    bestScore: c.best_score,
  }));
}

export async function listPaths(tx: Tx): Promise<LearningPath[]> {
  return rows<LearningPath>(
    tx,
    sql`select p.slug, p.title, p.description, p.featured,
        coalesce((select array_agg(pc.course_slug order by pc.position) from public.training_path_courses pc where pc.path_id = p.id), '{}') as courses
      from public.training_paths p order by p.featured desc, p.position`,
  );
}

export interface LessonRow {
  id: string;
  position: number;
  title: string;
  bodyMd: string;
  videoUrl: string | null;
  files: TrainingFile[];
  done: boolean;
}

/** A course's lessons as the learner may read them: none at all when its tier does not open the course. */
export async function listLessons(tx: Tx, courseId: string, enrollmentId: string | null): Promise<LessonRow[]> {
  const found = await rows<{ id: string; position: number; title: string; body_md: string; video_url: string | null; files: TrainingFile[]; done: boolean }>(
    tx,
    sql`select l.id, l.position, l.title, l.body_md, l.video_url, l.files,
        exists (select 1 from public.training_lesson_progress p where p.lesson_id = l.id and p.enrollment_id = ${enrollmentId}) as done
      from public.training_lessons l where l.course_id = ${courseId} order by l.position`,
  );
  return found.map((l) => ({ id: l.id, position: l.position, title: l.title, bodyMd: l.body_md, videoUrl: l.video_url, files: l.files, done: l.done }));
}

export interface QuestionRow {
  id: string;
  prompt: string;
  kind: "single" | "multi";
  choices: { id: string; label: string }[];
}

/** The assessment's questions and choices: never which choice is right (that stays in the database). */
export async function listQuestions(tx: Tx, courseId: string): Promise<QuestionRow[]> {
  return rows<QuestionRow>(
    tx,
    sql`select q.id, q.prompt, q.kind, q.choices from public.training_questions q where q.course_id = ${courseId} order by q.position`,
  );
}

export interface AttemptRow {
  id: string;
  attemptNo: number;
  score: number;
  passed: boolean;
  submittedAt: string;
  result: { questionId: string; chosen: string[]; correct: string[]; right: boolean; explanation: string }[];
}

export async function listAttempts(tx: Tx, enrollmentId: string): Promise<AttemptRow[]> {
  const found = await rows<{ id: string; attempt_no: number; score: number; passed: boolean; submitted_at: string; result: AttemptRow["result"] }>(
    tx,
    sql`select id, attempt_no, score, passed, submitted_at::text, result from public.training_attempts
      where enrollment_id = ${enrollmentId} order by attempt_no desc`,
  );
  return found.map((a) => ({ id: a.id, attemptNo: a.attempt_no, score: a.score, passed: a.passed, submittedAt: a.submitted_at, result: a.result }));
}

/** The course with this slug as the learner sees it (its own version once started), or a not-found error. */
export async function getCatalogueCourseOrThrow(tx: Tx, slug: string): Promise<CatalogueCourse & { passMark: number }> {
  const course = (await listCatalogue(tx)).find((c) => c.slug === slug);
  if (!course) throw new TrainingNotFoundError(`No course ${slug}`);
  const [row] = await rows<{ pass_mark: number }>(tx, sql`select pass_mark from public.training_courses where id = ${course.id}`);
  return { ...course, passMark: row!.pass_mark };
}
