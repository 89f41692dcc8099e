import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { CourseBody } from "@/components/training/course-body";
import { StartCourseButton } from "@/components/training/course-actions-client";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { courseState } from "@/lib/training/progress";
import {
  getCatalogueCourseOrThrow,
  listAttempts,
  listLessons,
  listQuestions,
  TrainingNotFoundError,
} from "@/lib/training/queries";
import { courseSlugSchema, TRAINING_CATEGORY_LABEL } from "@/lib/training/schemas";

export const metadata: Metadata = { title: "Course" };

async function load(claims: Parameters<typeof withSession>[0]["claims"], slug: string) {
  try {
    return await withSession({ claims }, async (tx) => {
      const course = await getCatalogueCourseOrThrow(tx, slug);
      // Both come back empty for a course the tier does not open: the database does not hand them out.
      const lessons = await listLessons(tx, course.id, course.enrollmentId);
      const questions = course.enrollmentId ? await listQuestions(tx, course.id) : [];
      const attempts = course.enrollmentId ? await listAttempts(tx, course.enrollmentId) : [];
      return { course, lessons, questions, attempts };
    });
  } catch (error) {
    if (error instanceof TrainingNotFoundError) notFound();
    throw error;
  }
}

export default async function CoursePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ lesson?: string; step?: string }>;
}) {
  const user = await requireUser(["partner"]);
  const parsed = courseSlugSchema.safeParse({ slug: (await params).slug });
  if (!parsed.success) notFound();
  const query = await searchParams;
  const { course, lessons, questions, attempts } = await load(user.claims, parsed.data.slug);
  const state = courseState(course);
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["partners", "tier_history", "tiers"]} />
      <PageHeader
        title={course.title}
        description={`${TRAINING_CATEGORY_LABEL[course.category]} · ${course.minutes} min · version ${course.version}`}
      />
      <p className="text-sm">
        <Link href="/portal/training" className="underline-offset-4 hover:underline">
          ← All courses
        </Link>
      </p>
      {state === "locked" ? (
        <Card data-testid="course-locked">
          <CardHeader>
            <CardTitle>
              <h2>This course is locked</h2>
            </CardTitle>
            <CardDescription>
              {course.featureLabel} unlocks at the {course.tierName} tier. Your tier card on the home page shows what the
              next tier needs.
            </CardDescription>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">{course.summary}</CardContent>
        </Card>
      ) : !course.enrollmentId ? (
        <Card data-testid="course-overview">
          <CardHeader>
            <CardTitle>
              <h2>What you will learn</h2>
            </CardTitle>
            <CardDescription>{course.summary}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 text-sm">
            <ol className="list-decimal pl-5">
              {lessons.map((l) => (
                <li key={l.id}>{l.title}</li>
              ))}
            </ol>
            <p className="text-muted-foreground">
              Then an assessment: pass mark {course.passMark}%, {course.maxAttempts} attempt{course.maxAttempts === 1 ? "" : "s"}.
            </p>
            <div>
              <StartCourseButton slug={course.slug} />
            </div>
          </CardContent>
        </Card>
      ) : (
        <CourseBody course={course} lessons={lessons} questions={questions} attempts={attempts} query={query} />
      )}
    </div>
  );
}
