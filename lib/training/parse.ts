import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { courseFrontmatterSchema, type CourseFrontmatter } from "./schemas";
import { embedUrlOf } from "./video";

export interface ParsedLesson {
  title: string;
  bodyMd: string;
  videoUrl: string | null;
  files: string[];
}

export interface ParsedCourse {
  frontmatter: CourseFrontmatter;
  lessons: ParsedLesson[];
  /** Changes whenever anything a learner sees or is graded on changes. */
  contentDigest: string;
}

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

const DIRECTIVE = /^<!--\s*(video|file):\s*(.+?)\s*-->\s*$/;
const FILE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}$/;
const IMAGE = /!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g;

/** Splits a course file into frontmatter, lessons (one per `# Heading`) and their directives. */
export function parseCourse(file: string, source: string): { course: ParsedCourse | null; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const push = (field: string, message: string) => problems.push({ file, field, message });
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) {
    push("frontmatter", "the file must open with a --- frontmatter block ---");
    return { course: null, problems };
  }
  let raw: unknown;
  try {
    raw = parseYaml(match[1]!);
  } catch (error) {
    push("frontmatter", `invalid YAML: ${(error as Error).message.split("\n")[0]}`);
    return { course: null, problems };
  }
  const fm = courseFrontmatterSchema.safeParse(raw);
  if (!fm.success) {
    for (const issue of fm.error.issues) push(issue.path.join(".") || "frontmatter", issue.message);
    return { course: null, problems };
  }
  const lessons: ParsedLesson[] = [];
  for (const chunk of match[2]!.split(/^# /m).slice(1)) {
    const [heading = "", ...rest] = chunk.split(/\r?\n/);
    const lesson: ParsedLesson = { title: heading.trim(), bodyMd: "", videoUrl: null, files: [] };
    const body: string[] = [];
    for (const line of rest) {
      const directive = DIRECTIVE.exec(line.trim());
      if (!directive) {
        body.push(line);
        continue;
      }
      const [, kind, value] = directive;
      if (kind === "video") {
        const url = embedUrlOf(value!);
        if (url) lesson.videoUrl = url;
        else push(`lesson ${heading}`, `video ${value} is not a YouTube (nocookie) or Vimeo embed`);
      } else if (FILE_NAME.test(value!)) lesson.files.push(value!);
      else push(`lesson ${heading}`, `file name ${value} is not a plain file name`);
    }
    lesson.bodyMd = body.join("\n").trim();
    for (const [, src] of lesson.bodyMd.matchAll(IMAGE)) {
      if (!/^\/training\/[a-z0-9-]+\.(svg|png|jpg|webp)$/.test(src!)) push(`lesson ${heading}`, `image ${src} must be a file of public/training/`);
    }
    if (!lesson.title) push("lessons", "a lesson heading is empty");
    else if (!lesson.bodyMd) push(`lesson ${lesson.title}`, "has no text");
    lessons.push(lesson);
  }
  if (lessons.length === 0) push("lessons", "needs at least one lesson (a # Heading)");
  if (problems.length > 0) return { course: null, problems };
  const contentDigest = createHash("sha256").update(JSON.stringify({ fm: fm.data, lessons })).digest("hex").slice(0, 32);
  return { course: { frontmatter: fm.data, lessons, contentDigest }, problems };
}
