// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { trainingCourses, trainingLessons, trainingPathCourses, trainingPaths, trainingQuestions, type TrainingFile } from "@/lib/db/schema";
import { rows } from "@/lib/db/rows";
import type { StoragePort } from "@/lib/storage/port";
import { loadTrainingContent, readTrainingFile, type TrainingContent } from "./content";
import type { ParsedCourse } from "./parse";

const CONTENT_TYPES: Record<string, string> = {
  md: "text/markdown; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
};

export interface SyncResult {
  added: string[];
  unchanged: number;
  retired: string[];
  problems: string[];
}

async function insertVersion(tx: Tx, store: StoragePort, course: ParsedCourse & { position: number }, version: number) {
  const fm = course.frontmatter;
  const [row] = await tx
    .insert(trainingCourses)
    .values({
      slug: fm.slug,
      version,
      title: fm.title,
      summary: fm.summary,
      category: fm.category,
      level: fm.level,
      minutes: fm.minutes,
      featureKey: fm.feature,
      passMark: fm.passMark,
      maxAttempts: fm.maxAttempts,
      position: course.position,
      contentDigest: course.contentDigest,
    })
    .returning({ id: trainingCourses.id });
  const courseId = row!.id;
  for (const [position, lesson] of course.lessons.entries()) {
    const files: TrainingFile[] = [];
    for (const name of lesson.files) {
      const bytes = readTrainingFile(name);
      const key = `training/${fm.slug}/v${version}/${name}`;
      const contentType = CONTENT_TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream";
      await store.put(key, bytes, contentType);
      files.push({ name, key, contentType, bytes: bytes.byteLength });
    }
    await tx.insert(trainingLessons).values({ courseId, position, title: lesson.title, bodyMd: lesson.bodyMd, videoUrl: lesson.videoUrl, files });
  }
  for (const [position, q] of fm.questions.entries()) {
    const [question] = await tx
      .insert(trainingQuestions)
      .values({ courseId, position, prompt: q.prompt, kind: q.kind, choices: q.choices.map((c) => ({ id: c.id, label: c.label })) })
      .returning({ id: trainingQuestions.id });
    const correct = q.choices.filter((c) => c.correct).map((c) => c.id);
    await tx.execute(sql`insert into private.training_answer_keys (question_id, correct, explanation)
      values (${question!.id}, ${`{${correct.join(",")}}`}::text[], ${q.explanation})`);
  }
}

/**
 * Brings the database in step with content/training: a course whose content hash changed gets a new
 * current version (earlier versions stay for the learners who started them), a course no longer in the
 * folder stops being current, and the learning paths are replaced. Running it again changes nothing.
 */
export async function syncTrainingContent(tx: Tx, store: StoragePort, content: TrainingContent = loadTrainingContent()): Promise<SyncResult> {
  const result: SyncResult = { added: [], unchanged: 0, retired: [], problems: content.problems.map((p) => `${p.file} ${p.field}: ${p.message}`) };
  const features = new Set(
    (await rows<{ feature_key: string }>(tx, sql`select feature_key from public.tier_features`)).map((f) => f.feature_key),
  );
  const current = new Map(
    (
      await rows<{ slug: string; content_digest: string; position: number; version: number }>(
        tx,
        sql`select c.slug, c.content_digest, c.position, (select max(v.version) from public.training_courses v where v.slug = c.slug) as version
          from public.training_courses c where c.is_current`,
      )
    ).map((c) => [c.slug, c]),
  );
  for (const course of content.courses) {
    const slug = course.frontmatter.slug;
    const existing = current.get(slug);
    if (existing?.content_digest === course.contentDigest) {
      result.unchanged += 1;
      if (existing.position !== course.position)
        await tx.execute(sql`update public.training_courses set position = ${course.position} where slug = ${slug} and is_current`);
      continue;
    }
    if (!features.has(course.frontmatter.feature)) {
      result.problems.push(`${slug}: feature ${course.frontmatter.feature} is not in tier_features`);
      continue;
    }
    const [{ version }] = (await rows<{ version: number }>(
      tx,
      sql`select coalesce(max(version), 0) + 1 as version from public.training_courses where slug = ${slug}`,
    )) as [{ version: number }];
    await tx.execute(sql`update public.training_courses set is_current = false where slug = ${slug} and is_current`);
    await insertVersion(tx, store, course, version);
    result.added.push(`${slug}@${version}`);
  }
  const inContent = new Set(content.courses.map((c) => c.frontmatter.slug));
  for (const slug of current.keys())
    if (!inContent.has(slug)) {
      await tx.execute(sql`update public.training_courses set is_current = false where slug = ${slug}`);
      result.retired.push(slug);
    }
  await syncPaths(tx, content);
  return result;
}

async function syncPaths(tx: Tx, content: TrainingContent) {
  if (content.paths.length === 0 && content.problems.some((p) => p.file === "paths.yaml")) return;
  const [stored] = await rows<{ paths: unknown }>(
    tx,
    sql`select coalesce(jsonb_agg(jsonb_build_object('slug', p.slug, 'title', p.title, 'description', p.description,
        'featured', p.featured, 'courses', (select coalesce(jsonb_agg(pc.course_slug order by pc.position), '[]'::jsonb)
          from public.training_path_courses pc where pc.path_id = p.id)) order by p.position), '[]'::jsonb) as paths
      from public.training_paths p`,
  );
  const wanted = content.paths.map((p) => ({ slug: p.slug, title: p.title, description: p.description, featured: p.featured, courses: p.courses }));
  // Unchanged paths are left alone, so a rerun writes nothing.
  if (JSON.stringify(stored?.paths) === JSON.stringify(wanted)) return;
  const slugs = content.paths.map((p) => p.slug);
  await tx.execute(
    slugs.length > 0
      ? sql`delete from public.training_paths where not (slug = any (${`{${slugs.join(",")}}`}::text[]))`
      : sql`delete from public.training_paths`,
  );
  for (const [position, p] of content.paths.entries()) {
    const [row] = await tx
      .insert(trainingPaths)
      .values({ slug: p.slug, title: p.title, description: p.description, featured: p.featured, position })
      .onConflictDoUpdate({ target: trainingPaths.slug, set: { title: p.title, description: p.description, featured: p.featured, position } })
      .returning({ id: trainingPaths.id });
    await tx.execute(sql`delete from public.training_path_courses where path_id = ${row!.id}`);
    await tx.insert(trainingPathCourses).values(p.courses.map((courseSlug, i) => ({ pathId: row!.id, courseSlug, position: i })));
  }
}
