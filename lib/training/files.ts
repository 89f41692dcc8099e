import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import type { TrainingFile } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";

/**
 * A lesson's file as the learner may have it. The lesson is read through RLS, so a lesson of a course the
 * learner's tier does not open is not found at all.
 */
export async function getLessonFile(tx: Tx, lessonId: string, name: string): Promise<TrainingFile | null> {
  const [lesson] = await rows<{ files: TrainingFile[] }>(tx, sql`select files from public.training_lessons where id = ${lessonId}`);
  return lesson?.files.find((f) => f.name === name) ?? null;
}
