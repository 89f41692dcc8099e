/** Enablement: the features each tier unlocks, and the training hub. */
import { boolean, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { profiles, tiers } from "./organisation";

export const tierFeatures = pgTable("tier_features", {
  id: uuid("id").primaryKey().defaultRandom(),
  featureKey: text("feature_key").notNull().unique(),
  category: text("category").notNull(),
  label: text("label").notNull(),
  unlockTierId: uuid("unlock_tier_id")
    .notNull()
    .references(() => tiers.id),
  position: integer("position").notNull().default(0),
  updatedBy: uuid("updated_by").references(() => profiles.id),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const trainingCategory = pgEnum("training_category", ["sales", "marketing", "product", "technical"]);
export const trainingQuestionKind = pgEnum("training_question_kind", ["single", "multi"]);

export const trainingCourses = pgTable("training_courses", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull(),
  version: integer("version").notNull(),
  isCurrent: boolean("is_current").notNull().default(true),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  category: trainingCategory("category").notNull(),
  level: integer("level").notNull().default(1),
  minutes: integer("minutes").notNull().default(15),
  featureKey: text("feature_key")
    .notNull()
    .references(() => tierFeatures.featureKey),
  passMark: integer("pass_mark").notNull(),
  maxAttempts: integer("max_attempts").notNull(),
  position: integer("position").notNull().default(0),
  contentDigest: text("content_digest").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export interface TrainingFile {
  name: string;
  key: string;
  contentType: string;
  bytes: number;
}

export const trainingLessons = pgTable("training_lessons", {
  id: uuid("id").primaryKey().defaultRandom(),
  courseId: uuid("course_id")
    .notNull()
    .references(() => trainingCourses.id),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  bodyMd: text("body_md").notNull(),
  videoUrl: text("video_url"),
  files: jsonb("files").$type<TrainingFile[]>().notNull().default([]),
});

export const trainingQuestions = pgTable("training_questions", {
  id: uuid("id").primaryKey().defaultRandom(),
  courseId: uuid("course_id")
    .notNull()
    .references(() => trainingCourses.id),
  position: integer("position").notNull(),
  prompt: text("prompt").notNull(),
  kind: trainingQuestionKind("kind").notNull(),
  choices: jsonb("choices").$type<{ id: string; label: string }[]>().notNull(),
});

export const trainingPaths = pgTable("training_paths", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  featured: boolean("featured").notNull().default(false),
  position: integer("position").notNull().default(0),
});

export const trainingPathCourses = pgTable("training_path_courses", {
  id: uuid("id").primaryKey().defaultRandom(),
  pathId: uuid("path_id")
    .notNull()
    .references(() => trainingPaths.id),
  courseSlug: text("course_slug").notNull(),
  position: integer("position").notNull(),
});

export const trainingEnrollments = pgTable("training_enrollments", {
  id: uuid("id").primaryKey().defaultRandom(),
  profileId: uuid("profile_id")
    .notNull()
    .references(() => profiles.id),
  partnerId: uuid("partner_id"),
  courseSlug: text("course_slug").notNull(),
  courseId: uuid("course_id")
    .notNull()
    .references(() => trainingCourses.id),
  lastLessonId: uuid("last_lesson_id"),
  startedAt: ts("started_at").notNull().defaultNow(),
  lastActiveAt: ts("last_active_at").notNull().defaultNow(),
  passedAt: ts("passed_at"),
  completedAt: ts("completed_at"),
});

export const trainingLessonProgress = pgTable("training_lesson_progress", {
  id: uuid("id").primaryKey().defaultRandom(),
  enrollmentId: uuid("enrollment_id").notNull(),
  profileId: uuid("profile_id").notNull(),
  lessonId: uuid("lesson_id").notNull(),
  completedAt: ts("completed_at").notNull().defaultNow(),
});

export const trainingAttempts = pgTable("training_attempts", {
  id: uuid("id").primaryKey().defaultRandom(),
  enrollmentId: uuid("enrollment_id").notNull(),
  profileId: uuid("profile_id").notNull(),
  courseId: uuid("course_id").notNull(),
  attemptNo: integer("attempt_no").notNull(),
  answers: jsonb("answers").notNull(),
  score: integer("score").notNull(),
  passed: boolean("passed").notNull(),
  result: jsonb("result").notNull(),
  submittedAt: ts("submitted_at").notNull().defaultNow(),
});
