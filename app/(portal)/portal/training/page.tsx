import type { Metadata } from "next";
import Link from "next/link";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { CourseCard } from "@/components/training/course-card";
import { LearnNextCard } from "@/components/training/learn-next-card";
import { SkillLevels } from "@/components/training/skill-levels";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listCatalogue, listPaths } from "@/lib/training/queries";
import { nextToLearn, skillLevels } from "@/lib/training/progress";
import { TRAINING_CATEGORIES, TRAINING_CATEGORY_LABEL } from "@/lib/training/schemas";

export const metadata: Metadata = { title: "Training" };

export default async function TrainingHubPage() {
  const user = await requireUser(["partner"]);
  const { courses, paths } = await withSession({ claims: user.claims }, async (tx) => ({
    courses: await listCatalogue(tx),
    paths: await listPaths(tx),
  }));
  const next = nextToLearn(courses, paths);
  const bySlug = new Map(courses.map((c) => [c.slug, c]));
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["partners", "tier_history", "tiers"]} />
      <PageHeader
        title="Training"
        description="Courses for selling with us, by category. Each ends with an assessment; locked courses open at the tier shown."
      />
      {courses.length === 0 ? (
        <EmptyState title="No courses yet" description="The curriculum has not been loaded. It appears here as soon as it is." />
      ) : (
        <>
          <LearnNextCard next={next} />
          <section aria-labelledby="skills" className="grid gap-3">
            <h2 id="skills" className="text-lg font-semibold">
              Your skill levels
            </h2>
            <SkillLevels skills={skillLevels(courses)} />
          </section>
          <section aria-labelledby="paths" className="grid gap-3">
            <h2 id="paths" className="text-lg font-semibold">
              Learning paths
            </h2>
            <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {paths.map((p) => (
                <Card key={p.slug} data-testid="learning-path" data-featured={p.featured ? "true" : "false"}>
                  <CardHeader>
                    <CardDescription>{p.featured ? "Featured path" : "Path"}</CardDescription>
                    <CardTitle>
                      <h3>{p.title}</h3>
                    </CardTitle>
                  </CardHeader>
                  <CardContent className="grid gap-2 text-sm">
                    <p className="text-muted-foreground">{p.description}</p>
                    <ol className="list-decimal pl-5">
                      {p.courses.map((slug) => {
                        const c = bySlug.get(slug);
                        return c ? (
                          <li key={slug}>
                            <Link href={`/portal/training/${slug}`} className="underline-offset-4 hover:underline">
                              {c.title}
                            </Link>
                            {c.passed ? " ✓" : !c.unlocked ? ` (${c.tierName})` : ""}
                          </li>
                        ) : null;
                      })}
                    </ol>
                  </CardContent>
                </Card>
              ))}
            </div>
          </section>
          {TRAINING_CATEGORIES.map((category) => {
            const inCategory = courses.filter((c) => c.category === category);
            if (inCategory.length === 0) return null;
            return (
              <section key={category} aria-labelledby={`category-${category}`} className="grid gap-3">
                <h2 id={`category-${category}`} className="text-lg font-semibold">
                  {TRAINING_CATEGORY_LABEL[category]}
                </h2>
                <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
                  {inCategory.map((c) => (
                    <CourseCard key={c.slug} course={c} />
                  ))}
                </div>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
