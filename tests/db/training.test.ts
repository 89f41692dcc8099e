import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { rows, runAsUser, withSystem } from "@/lib/db/session";
import { createLocalStorage } from "@/lib/storage/local";
import { loadTrainingContent } from "@/lib/training/content";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createPortalWorld, type PortalWorld } from "../support/portal";
import { signInAs } from "../support/next-session";

const { syncTrainingContent } = await import("@/lib/training/sync");
const { startCourseAction, completeLessonAction, submitAssessmentAction } = await import("@/lib/training/actions");
const { listCatalogue, listQuestions } = await import("@/lib/training/queries");

let db: TestDatabase;
let world: PortalWorld;
const store = createLocalStorage(mkdtempSync(path.join(tmpdir(), "training-files-")));
const q = <T>(text: string, params: unknown[] = []) => db.conn.query<T>(text, params);
const content = loadTrainingContent();

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  world = await createPortalWorld(db.conn);
  await q("select private.seed_tier_features()");
  // The test ladder has no Elite: the master class's feature sits on Performer here.
  await q("insert into public.tier_features (feature_key, category, label, unlock_tier_id) values ('training.master_classes', 'training', 'Master classes', $1) on conflict do nothing", [world.tiers.performer.id]);
  const result = await withSystem("training.sync", (tx) => syncTrainingContent(tx, store, content), db.conn);
  expect(result.problems).toEqual([]);
  expect(result.added).toHaveLength(8);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

const as = <T>(user: f.TestUser, fn: Parameters<typeof runAsUser<T>>[2]) => runAsUser(db.conn, user.claims, fn);
const courseId = async (slug: string) =>
  (await q<{ id: string }>("select id from public.training_courses where slug = $1 and is_current", [slug]))[0]!.id;
/** The right answers, read as the owner (no API role can). */
async function answerKey(course: string, wrong = false) {
  const keys = await q<{ question_id: string; correct: string[]; choices: { id: string }[] }>(
    `select k.question_id, k.correct, q.choices from private.training_answer_keys k join public.training_questions q on q.id = k.question_id where q.course_id = $1`,
    [course],
  );
  return Object.fromEntries(
    keys.map((k) => [k.question_id, wrong ? [k.choices.map((c) => c.id).find((id) => !k.correct.includes(id))!] : k.correct]),
  );
}
async function finishLessons(user: f.TestUser, course: string) {
  const lessons = await q<{ id: string }>("select id from public.training_lessons where course_id = $1 order by position", [course]);
  await signInAs(user);
  for (const l of lessons) expect(await completeLessonAction({ lessonId: l.id })).toMatchObject({ ok: true });
  return lessons;
}

describe("the curriculum", () => {
  test("loads eight courses with lessons, assessments and paths; a rerun writes nothing", async () => {
    const [counts] = await q<{ courses: number; lessons: number; questions: number; paths: number; featured: number }>(
      `select (select count(*)::int from public.training_courses) as courses, (select count(*)::int from public.training_lessons) as lessons,
        (select count(*)::int from public.training_questions) as questions, (select count(*)::int from public.training_paths) as paths,
        (select count(*)::int from public.training_paths where featured) as featured`,
    );
    expect(counts).toMatchObject({ courses: 8, paths: 3, featured: 1 });
    expect(counts!.lessons).toBeGreaterThanOrEqual(20);
    const [{ audit }] = (await q<{ audit: number }>("select max(id)::int as audit from public.audit_log")) as [{ audit: number }];
    const again = await withSystem("training.sync", (tx) => syncTrainingContent(tx, store, content), db.conn);
    expect(again).toMatchObject({ added: [], unchanged: 8, retired: [] });
    expect((await q<{ audit: number }>("select max(id)::int as audit from public.audit_log"))[0]!.audit).toBe(audit);
  });

  test("lesson files go through the storage port", async () => {
    const [lesson] = await q<{ files: { key: string; name: string }[] }>(
      "select l.files from public.training_lessons l join public.training_courses c on c.id = l.course_id where c.slug = 'first-referral' and jsonb_array_length(l.files) > 0",
    );
    const bytes = await store.get(lesson!.files[0]!.key);
    expect(new TextDecoder().decode(bytes!)).toContain("Subject:");
  });
});

describe("locked courses are refused by the database", () => {
  test("a Starter partner sees the course and its tier, but no lesson, no question, and cannot start it", async () => {
    const id = await courseId("advanced-sales");
    const partner = world.users.partnerA;
    const catalogue = await as(partner, (tx) => listCatalogue(tx));
    expect(catalogue.find((c) => c.slug === "advanced-sales")).toMatchObject({ unlocked: false, tierName: "Active" });
    expect(catalogue.find((c) => c.slug === "program-basics")).toMatchObject({ unlocked: true });
    const counts = await as(partner, async (tx) =>
      (await rows<{ l: number; q: number }>(tx, sql`select (select count(*)::int from public.training_lessons where course_id = ${id}) as l,
        (select count(*)::int from public.training_questions where course_id = ${id}) as q`))[0],
    );
    expect(counts).toEqual({ l: 0, q: 0 });
    const direct = await attempt(db.conn, { claims: partner.claims }, (tx) => tx.execute(sql`select public.start_training_course('advanced-sales')`));
    expect(direct.error?.code).toBe("42501");
    await signInAs(partner);
    expect(await startCourseAction({ slug: "advanced-sales" })).toEqual({ ok: false, status: 403, error: "Advanced sales unlocks at the Active tier." });
    expect(await startCourseAction({ slug: "no-such-course" })).toMatchObject({ ok: false, status: 404 });
  });

  test("no API role reads the answer keys; questions carry choices only", async () => {
    const [grants] = await q<{ authenticated: boolean; anon: boolean }>(
      "select has_table_privilege('authenticated', 'private.training_answer_keys', 'select') as authenticated, has_table_privilege('anon', 'private.training_answer_keys', 'select') as anon",
    );
    expect(grants).toEqual({ authenticated: false, anon: false });
    const basics = await courseId("program-basics");
    const questions = await as(world.users.partnerA, (tx) => listQuestions(tx, basics));
    expect(questions.length).toBeGreaterThan(0);
    expect(JSON.stringify(questions)).not.toMatch(/correct|explanation/);
  });

  test("raising the partner's tier opens the course at once", async () => {
    const org = await f.createPartner(db.conn, { tierId: world.tiers.starter.id });
    const user = await f.createUser(db.conn, { role: "partner", partnerId: org.id });
    await signInAs(user);
    expect(await startCourseAction({ slug: "advanced-sales" })).toMatchObject({ ok: false, status: 403 });
    await q("update public.partners set tier_id = $1 where id = $2", [world.tiers.active.id, org.id]);
    expect(await startCourseAction({ slug: "advanced-sales" })).toMatchObject({ ok: true });
  });
});

describe("progress and grading", () => {
  test("a lesson needs an enrollment; progress resumes at the last lesson", async () => {
    const user = await f.createUser(db.conn, { role: "partner", partnerId: world.orgB.id });
    const id = await courseId("deal-registration");
    const [first] = await q<{ id: string }>("select id from public.training_lessons where course_id = $1 order by position limit 1", [id]);
    await signInAs(user);
    expect(await completeLessonAction({ lessonId: first!.id })).toMatchObject({ ok: false, status: 422, error: "Start the course first" });
    const started = await startCourseAction({ slug: "deal-registration" });
    expect(started).toMatchObject({ ok: true });
    expect(await startCourseAction({ slug: "deal-registration" })).toEqual(started);
    expect(await completeLessonAction({ lessonId: first!.id })).toMatchObject({ ok: true, data: { done: 1, total: 3 } });
    expect(await completeLessonAction({ lessonId: first!.id })).toMatchObject({ ok: true, data: { done: 1, total: 3 } });
    const course = (await as(user, (tx) => listCatalogue(tx))).find((c) => c.slug === "deal-registration");
    expect(course).toMatchObject({ lastLessonId: first!.id, lessonsDone: 1, lessonsTotal: 3, passed: false });
    // Another learner sees none of it.
    const theirs = await as(world.users.partnerA, (tx) => rows(tx, sql`select 1 from public.training_enrollments where profile_id = ${user.id}`));
    expect(theirs).toEqual([]);
  });

  test("the assessment waits for the lessons, is graded in the database, explains, and counts attempts", async () => {
    const user = await f.createUser(db.conn, { role: "partner", partnerId: world.orgB.id });
    const id = await courseId("advanced-sales");
    await q("update public.partners set tier_id = $1 where id = $2", [world.tiers.active.id, world.orgB.id]);
    await signInAs(user);
    const started = await startCourseAction({ slug: "advanced-sales" });
    if (!started.ok) throw new Error(started.error);
    const enrollmentId = started.data.enrollmentId;
    const wrong = await answerKey(id, true);
    expect(await submitAssessmentAction({ enrollmentId, answers: wrong })).toMatchObject({
      ok: false,
      status: 422,
      error: "Finish every lesson before the assessment",
    });
    await finishLessons(user, id);
    // Bad answers are refused whole and use no attempt.
    const someKey = Object.keys(wrong)[0]!;
    expect(await submitAssessmentAction({ enrollmentId, answers: { [someKey]: wrong[someKey]! } })).toMatchObject({ ok: false, status: 422, error: "Answer every question" });
    expect(await submitAssessmentAction({ enrollmentId, answers: { ...wrong, [someKey]: ["zz"] } })).toMatchObject({ ok: false, status: 422 });
    expect((await q("select 1 from public.training_attempts where enrollment_id = $1", [enrollmentId])).length).toBe(0);

    const failed = await submitAssessmentAction({ enrollmentId, answers: wrong });
    expect(failed).toMatchObject({ ok: true, data: { score: 0, passed: false, passMark: 80, attemptNo: 1, attemptsLeft: 1 } });
    const [stored] = await as(user, (tx) =>
      rows<{ result: { right: boolean; explanation: string; correct: string[] }[] }>(tx, sql`select result from public.training_attempts where enrollment_id = ${enrollmentId}`),
    );
    expect(stored!.result.every((r) => !r.right && r.explanation.length > 0 && r.correct.length > 0)).toBe(true);

    const right = await answerKey(id);
    const passed = await submitAssessmentAction({ enrollmentId, answers: right });
    expect(passed).toMatchObject({ ok: true, data: { score: 100, passed: true, attemptNo: 2, attemptsLeft: 0 } });
    expect(await submitAssessmentAction({ enrollmentId, answers: right })).toMatchObject({ ok: false, status: 422, error: "You have already passed this assessment" });
    const course = (await as(user, (tx) => listCatalogue(tx))).find((c) => c.slug === "advanced-sales");
    expect(course).toMatchObject({ passed: true, bestScore: 100, attemptsUsed: 2 });
  });

  test("attempts run out", async () => {
    const user = await f.createUser(db.conn, { role: "partner", partnerId: world.orgB.id });
    const id = await courseId("technical-deep-dive");
    await q("update public.partners set tier_id = $1 where id = $2", [world.tiers.performer.id, world.orgB.id]);
    await signInAs(user);
    const started = await startCourseAction({ slug: "technical-deep-dive" });
    if (!started.ok) throw new Error(started.error);
    await finishLessons(user, id);
    const wrong = await answerKey(id, true);
    for (const n of [1, 2]) expect(await submitAssessmentAction({ enrollmentId: started.data.enrollmentId, answers: wrong })).toMatchObject({ ok: true, data: { attemptNo: n } });
    expect(await submitAssessmentAction({ enrollmentId: started.data.enrollmentId, answers: await answerKey(id) })).toMatchObject({
      ok: false,
      status: 422,
      error: "No attempts left: you have used all 2 of them",
    });
  });

  test("a multi-select question is right only with exactly the right set", async () => {
    const user = await f.createUser(db.conn, { role: "partner", partnerId: world.orgA.id });
    const id = await courseId("program-basics");
    await signInAs(user);
    const started = await startCourseAction({ slug: "program-basics" });
    if (!started.ok) throw new Error(started.error);
    await finishLessons(user, id);
    const right = await answerKey(id);
    const [multi] = await q<{ id: string }>("select id from public.training_questions where course_id = $1 and kind = 'multi' limit 1", [id]);
    const partial = { ...right, [multi!.id]: right[multi!.id]!.slice(1) };
    const result = await submitAssessmentAction({ enrollmentId: started.data.enrollmentId, answers: partial });
    // Four questions, one wrong: 75%, which is the pass mark.
    expect(result).toMatchObject({ ok: true, data: { score: 75, passed: true } });
  });
});

describe("versions", () => {
  test("a changed course becomes a new version; a learner keeps the version started", async () => {
    const learner = await f.createUser(db.conn, { role: "partner", partnerId: world.orgA.id });
    await signInAs(learner);
    expect(await startCourseAction({ slug: "first-referral" })).toMatchObject({ ok: true });
    const changed = {
      ...content,
      courses: content.courses.map((c) =>
        c.frontmatter.slug === "first-referral" ? { ...c, contentDigest: `${c.contentDigest}-v2`, frontmatter: { ...c.frontmatter, title: "Your first referral, revised" } } : c,
      ),
    };
    const result = await withSystem("training.sync", (tx) => syncTrainingContent(tx, store, changed), db.conn);
    expect(result.added).toEqual(["first-referral@2"]);
    const mine = (await as(learner, (tx) => listCatalogue(tx))).find((c) => c.slug === "first-referral");
    expect(mine).toMatchObject({ version: 1, title: "Your first referral" });
    const newcomer = await f.createUser(db.conn, { role: "partner", partnerId: world.orgA.id });
    const theirs = (await as(newcomer, (tx) => listCatalogue(tx))).find((c) => c.slug === "first-referral");
    expect(theirs).toMatchObject({ version: 2, title: "Your first referral, revised" });
  });
});
