import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { parseCourse, type ContentProblem, type ParsedCourse } from "./parse";
import { pathsSchema, type PathDefinition } from "./schemas";

export const TRAINING_DIR = path.join(process.cwd(), "content", "training");

export interface TrainingContent {
  courses: (ParsedCourse & { position: number })[];
  paths: PathDefinition[];
  problems: ContentProblem[];
}

/** Reads content/training: every course file in name order, and the learning paths; problems, never throws. */
export function loadTrainingContent(dir: string = TRAINING_DIR): TrainingContent {
  const problems: ContentProblem[] = [];
  const courses: TrainingContent["courses"] = [];
  const files = readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => /^\d{2}-[a-z0-9-]+\.md$/.test(f))
    .sort();
  for (const [position, file] of files.entries()) {
    const { course, problems: found } = parseCourse(file, readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, file), "utf8"));
    problems.push(...found);
    if (!course) continue;
    if (`${file.slice(3, -3)}` !== course.frontmatter.slug)
      problems.push({ file, field: "slug", message: `is ${course.frontmatter.slug} but the file is named ${file}` });
    else if (courses.some((c) => c.frontmatter.slug === course.frontmatter.slug))
      problems.push({ file, field: "slug", message: "repeats another course's slug" });
    else courses.push({ ...course, position });
    for (const lesson of course.lessons)
      for (const name of lesson.files) {
        try {
          readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, "files", name));
        } catch {
          problems.push({ file, field: `lesson ${lesson.title}`, message: `file ${name} is not in content/training/files/` });
        }
      }
  }
  let paths: PathDefinition[] = [];
  const parsed = pathsSchema.safeParse(parseYaml(readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, "paths.yaml"), "utf8")));
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ file: "paths.yaml", field: issue.path.join("."), message: issue.message });
  else paths = parsed.data;
  const known = new Set(courses.map((c) => c.frontmatter.slug));
  for (const p of paths)
    for (const slug of p.courses)
      if (!known.has(slug)) problems.push({ file: "paths.yaml", field: p.slug, message: `names ${slug}, which is not a course` });
  return { courses, paths, problems };
}

export function readTrainingFile(name: string, dir: string = TRAINING_DIR): Uint8Array {
  return readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, "files", path.basename(name)));
}
