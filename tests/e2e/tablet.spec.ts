import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

test.use({ viewport: { width: 768, height: 1024 } });

async function overflowOf(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("workspace pages fit a tablet's width (wide tables and the board scroll inside their own box)", async ({ page }) => {
  await loginAs(page, "vp");
  for (const path of ["/dashboard", "/pipeline", "/pipeline?view=list", "/partners", "/partners/registrations", "/partners/applications", "/reports", "/reports/commissions", "/reports/commissions?tab=overrides", "/settings/tiers",
    "/templates", "/templates/partner-business-review", "/templates/partner-business-review/fill", "/templates/fills", "/settings/company",
    "/tasks", "/alerts", "/settings/alerts", "/settings/tasks", "/settings/health", "/partners/compare", "/status", "/team", "/team/meeting"]) {
    expect.soft(await overflowOf(page, path), path).toBe(0);
  }
});

test("finance pages fit a tablet's width", async ({ page }) => {
  await loginAs(page, "finance");
  for (const path of ["/payouts", "/payouts?tab=batches", "/payouts/reconciliation", "/reports/commissions?tab=receipts"]) {
    expect.soft(await overflowOf(page, path), path).toBe(0);
  }
});

test("portal pages fit a tablet's width", async ({ page }) => {
  await loginAs(page, "partner");
  for (const path of ["/portal", "/portal/links", "/portal/referrals", "/portal/earnings", "/portal/profile", "/portal/onboarding?step=tax"]) {
    expect.soft(await overflowOf(page, path), path).toBe(0);
  }
});
