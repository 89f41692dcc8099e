import Link from "next/link";
import { Check } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { lessonHtml } from "@/lib/training/markdown";
import { shuffled } from "@/lib/training/shuffle";
import type { CatalogueCourse } from "@/lib/training/progress";
import { cn } from "@/lib/utils";
import { AssessmentForm, type AssessmentQuestion } from "./assessment-form";
import { AttemptResult } from "./attempt-result";
import { CompleteLessonButton } from "./course-actions-client";
import { VideoEmbed } from "./video-embed";

interface Lesson {
  id: string;
  title: string;
  bodyMd: string;
  videoUrl: string | null;
  files: { name: string; bytes: number }[];
  done: boolean;
}
interface Attempt {
  attemptNo: number;
  score: number;
  passed: boolean;
  result: { questionId: string; chosen: string[]; correct: string[]; right: boolean; explanation: string }[];
}

/** Picks the lesson to show: the one asked for, else the one after where the learner left off. */
function currentLesson(lessons: Lesson[], lastLessonId: string | null, asked?: string): Lesson | null {
  const byAsk = lessons.find((l) => l.id === asked);
  if (byAsk) return byAsk;
  const firstOpen = lessons.find((l) => !l.done);
  if (!firstOpen) return null;
  const last = lessons.findIndex((l) => l.id === lastLessonId);
  return lessons.slice(last + 1).find((l) => !l.done) ?? firstOpen;
}

/** An enrolled course: the lesson list with progress, the current lesson, and the assessment once all are done. */
export function CourseBody({
  course,
  lessons,
  questions,
  attempts,
  query,
}: {
  course: CatalogueCourse & { passMark: number };
  lessons: Lesson[];
  questions: AssessmentQuestion[];
  attempts: Attempt[];
  query: { lesson?: string; step?: string };
}) {
  const allDone = lessons.every((l) => l.done);
  const lesson = query.step === "assessment" && allDone ? null : currentLesson(lessons, course.lastLessonId, query.lesson);
  const base = `/portal/training/${course.slug}`;
  const index = lesson ? lessons.findIndex((l) => l.id === lesson.id) : -1;
  const next = lessons[index + 1];
  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label="Lessons" className="grid content-start gap-1 text-sm">
        {lessons.map((l, i) => (
          <Link
            key={l.id}
            href={`${base}?lesson=${l.id}`}
            aria-current={lesson?.id === l.id ? "page" : undefined}
            className={cn("flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-accent", lesson?.id === l.id && "bg-accent font-medium")}
          >
            {l.done ? <Check className="size-4 text-success" aria-label="Done" /> : <span className="w-4 text-center text-muted-foreground">{i + 1}</span>}
            {l.title}
          </Link>
        ))}
        <Link
          href={`${base}?step=assessment`}
          aria-current={!lesson ? "page" : undefined}
          className={cn("rounded-md px-2 py-1.5 hover:bg-accent", !lesson && "bg-accent font-medium", !allDone && "text-muted-foreground")}
        >
          Assessment{course.passed ? " ✓" : ""}
        </Link>
      </nav>
      {lesson ? (
        <Card data-testid="lesson" data-lesson={lesson.id}>
          <CardHeader>
            <CardTitle>
              <h2>{lesson.title}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            {lesson.videoUrl ? <VideoEmbed url={lesson.videoUrl} title={lesson.title} /> : null}
            <div className="doc-prose" dangerouslySetInnerHTML={{ __html: lessonHtml(lesson.bodyMd) }} />
            {lesson.files.length > 0 ? (
              <ul className="grid gap-1 text-sm" aria-label="Downloads">
                {lesson.files.map((f) => (
                  <li key={f.name}>
                    <a href={`/api/training/files/${lesson.id}/${encodeURIComponent(f.name)}`} className="underline underline-offset-4" download>
                      Download {f.name}
                    </a>{" "}
                    <span className="text-muted-foreground">({Math.max(1, Math.round(f.bytes / 1024))} KB)</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <div>
              {lesson.done ? (
                <Link href={next ? `${base}?lesson=${next.id}` : `${base}?step=assessment`} className="text-sm underline underline-offset-4">
                  {next ? `Next: ${next.title}` : "Go to the assessment"}
                </Link>
              ) : (
                <CompleteLessonButton lessonId={lesson.id} next={next ? `${base}?lesson=${next.id}` : `${base}?step=assessment`} />
              )}
            </div>
          </CardContent>
        </Card>
      ) : (
        <Assessment course={course} questions={questions} attempts={attempts} allDone={allDone} />
      )}
    </div>
  );
}

function Assessment({ course, questions, attempts, allDone }: { course: CatalogueCourse & { passMark: number }; questions: AssessmentQuestion[]; attempts: Attempt[]; allDone: boolean }) {
  const latest = attempts[0];
  const left = course.maxAttempts - attempts.length;
  const attemptNo = attempts.length + 1;
  // A new order per attempt, decided on the server; the answers stay in the database.
  const ordered = shuffled(questions, `${course.enrollmentId}:${attemptNo}`).map((q) => ({
    ...q,
    choices: shuffled(q.choices, `${course.enrollmentId}:${attemptNo}:${q.id}`),
  }));
  return (
    <Card data-testid="assessment">
      <CardHeader>
        <CardTitle>
          <h2>Assessment</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-6">
        {latest ? <AttemptResult attempt={latest} questions={questions} passMark={course.passMark} /> : null}
        {course.passed ? (
          <p className="text-sm">You passed this course.</p>
        ) : !allDone ? (
          <p className="text-sm text-muted-foreground">Finish every lesson to take the assessment.</p>
        ) : left <= 0 ? (
          <p className="text-sm text-destructive">No attempts left. Your partner manager can help you with the next step.</p>
        ) : (
          <AssessmentForm
            enrollmentId={course.enrollmentId!}
            questions={ordered}
            attemptLabel={`Attempt ${attemptNo} of ${course.maxAttempts}. Pass mark ${course.passMark}%.`}
          />
        )}
      </CardContent>
    </Card>
  );
}
