// GET /api/training/courses/<slug> — a course and its lessons as JSON for the signed-in learner; 403 with the unlocking tier when its tier does not open it.
import { getCurrentUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";
import { getCatalogueCourseOrThrow, listLessons, TrainingNotFoundError } from "@/lib/training/queries";
import { courseSlugSchema } from "@/lib/training/schemas";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  const parsed = courseSlugSchema.safeParse(await context.params);
  if (!parsed.success) return problem(404, "No such course");
  try {
    return await withSession({ claims: user.claims }, async (tx) => {
      const course = await getCatalogueCourseOrThrow(tx, parsed.data.slug);
      if (!course.unlocked) return problem(403, `${course.featureLabel} unlocks at the ${course.tierName} tier.`);
      const lessons = await listLessons(tx, course.id, course.enrollmentId);
      return Response.json({ course, lessons });
    });
  } catch (error) {
    if (error instanceof TrainingNotFoundError) return problem(404, "No such course");
    throw error;
  }
}
