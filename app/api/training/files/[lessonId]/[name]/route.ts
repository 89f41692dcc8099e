// GET /api/training/files/<lessonId>/<name> — a lesson's download, through the storage port, only for learners whose tier opens the course.
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";
import { storage } from "@/lib/storage/storage";
import { getLessonFile } from "@/lib/training/files";

export const dynamic = "force-dynamic";

const paramsSchema = z.strictObject({ lessonId: z.uuid(), name: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}$/) });

export async function GET(_request: Request, context: { params: Promise<{ lessonId: string; name: string }> }) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  const parsed = paramsSchema.safeParse(await context.params);
  if (!parsed.success) return problem(404, "No such file");
  // Read through RLS: a course the tier does not open has no readable lessons, so its files are not found.
  const file = await withSession({ claims: user.claims }, (tx) => getLessonFile(tx, parsed.data.lessonId, parsed.data.name));
  if (!file) return problem(404, "No such file");
  const bytes = await storage().get(file.key);
  if (!bytes) return problem(404, "That file is no longer stored");
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
