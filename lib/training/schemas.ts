import { z } from "zod";

export const TRAINING_CATEGORIES = ["sales", "marketing", "product", "technical"] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];
export const TRAINING_CATEGORY_LABEL: Record<TrainingCategory, string> = {
  sales: "Sales",
  marketing: "Marketing",
  product: "Product",
  technical: "Technical",
};

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: "use lower-case letters, digits and dashes" });

const choice = z.strictObject({
  id: z.string().regex(/^[a-z0-9]{1,8}$/, { error: "a short id such as a, b, c" }),
  label: z.string().trim().min(1).max(300),
  correct: z.boolean(),
});

const question = z
  .strictObject({
    prompt: z.string().trim().min(1).max(1000),
    kind: z.enum(["single", "multi"]),
    choices: z.array(choice).min(2).max(8),
    explanation: z.string().trim().min(1).max(2000),
  })
  .refine((q) => new Set(q.choices.map((c) => c.id)).size === q.choices.length, { error: "choice ids repeat" })
  .refine((q) => q.choices.some((c) => c.correct), { error: "needs at least one correct choice" })
  .refine((q) => q.kind === "multi" || q.choices.filter((c) => c.correct).length === 1, {
    error: "a single-choice question has exactly one correct choice",
  });

/** A course file's frontmatter. */
export const courseFrontmatterSchema = z.strictObject({
  slug,
  title: z.string().trim().min(1).max(160),
  summary: z.string().trim().max(500),
  category: z.enum(TRAINING_CATEGORIES),
  level: z.number().int().min(1).max(3),
  minutes: z.number().int().min(1).max(600),
  feature: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, { error: "a tier feature key such as training.core" }),
  passMark: z.number().int().min(1).max(100),
  maxAttempts: z.number().int().min(1).max(20),
  questions: z.array(question).min(1).max(40),
});
export type CourseFrontmatter = z.output<typeof courseFrontmatterSchema>;

export const pathsSchema = z.array(
  z.strictObject({
    slug,
    title: z.string().trim().min(1).max(160),
    description: z.string().trim().max(500),
    featured: z.boolean(),
    courses: z.array(slug).min(1).max(30),
  }),
);
export type PathDefinition = z.output<typeof pathsSchema>[number];

/** What a learner sends with an assessment: question id → the chosen choice ids. */
export const assessmentAnswersSchema = z.strictObject({
  enrollmentId: z.uuid({ error: "Start the course first" }),
  answers: z.record(
    z.uuid(),
    z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).min(1, { error: "Answer every question" }).max(8),
  ),
});

export const courseSlugSchema = z.strictObject({ slug });
export const lessonIdSchema = z.strictObject({ lessonId: z.uuid({ error: "Choose a lesson" }) });
