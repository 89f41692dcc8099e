import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

const WORKSPACE = ["/dashboard", "/pipeline", "/partners", "/team", "/payouts", "/templates", "/reports", "/settings"];

test("a partner gets 403 on every workspace page and sees no workspace data", async ({ page }) => {
  await loginAs(page, "partner");
  for (const path of WORKSPACE) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByText(/Bookings|Open pipeline|ISV vendors/)).toHaveCount(0);
  }
});

test("staff get 403 on the partner portal and on pages of other roles", async ({ page }) => {
  await loginAs(page, "sales");
  expect((await page.goto("/portal"))?.status()).toBe(403);
  for (const path of ["/payouts", "/payouts/reconciliation", "/settings/tiers", "/settings/health", "/team/meeting", "/partners/applications"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  await page.goto("/payouts");
  await expect(page.getByText("Approve commissions and pay partners.")).toHaveCount(0);
});

test("anonymous visitors are sent to sign in and come back after", async ({ page }) => {
  await page.goto("/partners");
  await expect(page).toHaveURL(/\/login\?next=%2Fpartners/);
  await page.getByLabel("Email").fill("partnerships1@demo.partneros.dev");
  await page.getByLabel("Password").fill("partneros-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/partners$/);
});

test("scheduled jobs need the cron secret; health reports the database", async ({ request }) => {
  expect((await request.get("/api/cron/email-outbox")).status()).toBe(401);
  const ok = await request.get("/api/cron/email-outbox", { headers: { authorization: "Bearer e2e-cron-secret-0123456789" } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).status).toBe("succeeded");
  const health = await request.get("/api/health");
  expect(await health.json()).toMatchObject({ status: "ok", database: { status: "ok", engine: "pglite" } });
  expect(health.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
});
