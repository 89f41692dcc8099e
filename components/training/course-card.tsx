import Link from "next/link";
import { Lock } from "lucide-react";
import { ProgressBar } from "@/components/partner-home/progress-bar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { coursePercent, courseState, type CatalogueCourse } from "@/lib/training/progress";
import { TRAINING_CATEGORY_LABEL } from "@/lib/training/schemas";

const LEVEL = ["", "Foundation", "Practitioner", "Advanced"];
const STATE_LABEL = {
  locked: "Locked",
  not_started: "Not started",
  in_progress: "In progress",
  assessment: "Assessment next",
  passed: "Passed",
  failed: "No attempts left",
} as const;

/** One course in the catalogue: its lock and the tier that opens it, or the learner's progress. */
export function CourseCard({ course }: { course: CatalogueCourse }) {
  const state = courseState(course);
  return (
    <Card data-testid="course-card" data-course={course.slug} data-state={state} className="h-full">
      <CardHeader>
        <CardDescription className="flex flex-wrap items-center gap-2">
          <span>{TRAINING_CATEGORY_LABEL[course.category]}</span>
          <span aria-hidden>·</span>
          <span>{LEVEL[course.level]}</span>
          <span aria-hidden>·</span>
          <span>{course.minutes} min</span>
        </CardDescription>
        <CardTitle className="text-base">
          <h3>
            <Link href={`/portal/training/${course.slug}`} className="underline-offset-4 hover:underline">
              {course.title}
            </Link>
          </h3>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p className="text-muted-foreground">{course.summary}</p>
        {state === "locked" ? (
          <p className="inline-flex items-center gap-1 text-muted-foreground" data-testid="course-lock">
            <Lock className="size-3.5" aria-hidden />
            {course.featureLabel} unlocks at the {course.tierName} tier.
          </p>
        ) : (
          <div className="grid gap-2">
            <Badge variant={state === "passed" ? "success" : state === "failed" ? "destructive" : "secondary"}>
              {STATE_LABEL[state]}
            </Badge>
            {course.enrollmentId ? (
              <ProgressBar
                label="Progress"
                ratio={coursePercent(course) / 100}
                detail={`${course.lessonsDone} of ${course.lessonsTotal} lessons${course.bestScore !== null ? `, best score ${course.bestScore}%` : ""}`}
              />
            ) : null}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
