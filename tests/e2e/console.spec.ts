import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

/**
 * The walk of every page a role uses, in the production build: the browser console stays free of errors
 * (hydration mismatches, CSP refusals, failed requests the page made, uncaught exceptions).
 */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

async function walk(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.locator("main").first()).toBeVisible();
    // Let client components mount and their first fetches answer.
    await page.waitForLoadState("networkidle");
  }
}

/** The first link on `from` whose address matches `pattern`: detail pages of real seeded records. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${from}`).toBeTruthy();
  return href!;
}

/** Monday of the previous week (UTC), a past week the demo's statuses cover. */
function lastWeekMonday(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) - 7);
  return day.toISOString().slice(0, 10);
}

test.describe.configure({ timeout: 240_000 });

test("public pages log no console error", async ({ page }) => {
  const errors = watchConsole(page);
  await walk(page, ["/login", "/signup", "/forgot-password", "/program", "/welcome"]);
  expect(errors).toEqual([]);
});

test("the VP's walk of the workspace logs no console error", async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, "vp");
  const partner = await firstLink(page, "/partners", /^\/partners\/[0-9a-f-]{36}$/);
  const batch = await firstLink(page, "/payouts?tab=batches", /^\/payouts\/batches\/[0-9a-f-]{36}$/);
  const week = `/status/${lastWeekMonday()}`;
  const template = await firstLink(page, "/templates", /^\/templates\/[a-z0-9-]+$/);
  await walk(page, [
    "/dashboard",
    "/pipeline",
    "/pipeline?view=list",
    "/partners",
    partner,
    "/partners/applications",
    "/partners/registrations",
    "/partners/compare",
    "/tasks",
    "/team",
    "/team/meeting",
    "/status",
    week,
    "/alerts",
    "/reports",
    "/reports/commissions",
    "/reports/calculator",
    "/payouts",
    "/payouts?tab=batches",
    batch,
    "/payouts/reconciliation",
    "/templates",
    template,
    "/templates/fills",
    "/templates/new",
    "/settings",
    "/settings/company",
    "/settings/pipeline",
    "/settings/goals",
    "/settings/tiers",
    "/settings/program",
    "/settings/alerts",
    "/settings/tasks",
    "/settings/health",
    "/settings/fx",
    "/settings/landing-pages",
  ]);
  expect(errors).toEqual([]);
});

test("a sales manager's and finance's pages log no console error", async ({ browser }) => {
  for (const who of ["sales", "finance"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchConsole(page);
    await loginAs(page, who);
    await walk(page, who === "sales" ? ["/pipeline", "/dashboard", "/tasks", "/status", "/alerts"] : ["/payouts", "/reports/commissions", "/settings/fx"]);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test("the partner's walk of the portal logs no console error", async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, "partner");
  await walk(page, ["/portal", "/portal/referrals", "/portal/earnings", "/portal/links", "/portal/profile", "/portal/onboarding"]);
  expect(errors).toEqual([]);
});
