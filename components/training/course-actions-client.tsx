"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { completeLessonAction, startCourseAction } from "@/lib/training/actions";

/** Starts the course and opens its first lesson. */
export function StartCourseButton({ slug }: { slug: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await startCourseAction({ slug });
          if (!result.ok) toast.error(result.error);
          else router.refresh();
        })
      }
    >
      Start course
    </Button>
  );
}

/** Marks the lesson done and moves to the next one (or to the assessment). */
export function CompleteLessonButton({ lessonId, next }: { lessonId: string; next: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await completeLessonAction({ lessonId });
          if (!result.ok) toast.error(result.error);
          else router.push(next);
        })
      }
    >
      Mark as done and continue
    </Button>
  );
}
