import { expect, test, type Browser } from "@playwright/test";
import { login, loginAs } from "./helpers";

/** Two partner organisations of the demo: Brightpath (partner@…) and Trident Networks. */
async function partners(browser: Browser) {
  const brightpath = await (await browser.newContext()).newPage();
  await loginAs(brightpath, "partner");
  const trident = await (await browser.newContext()).newPage();
  await login(trident, "lucas@trident-networks.example");
  await expect(trident).toHaveURL(/\/portal$/);
  return { brightpath, trident };
}

test("a partner sees only its own links, clicks, referrals, registrations and commissions", async ({ browser }) => {
  const { brightpath, trident } = await partners(browser);

  for (const [page, own, other] of [
    [brightpath, "brightpath-consulting", "trident-networks"],
    [trident, "trident-networks", "brightpath-consulting"],
  ] as const) {
    await page.goto("/portal/links");
    await expect(page.getByTestId("default-link")).toContainText(`/r/${own}`);
    await expect(page.locator(`[data-testid="referral-link"][data-code^="${other}"]`)).toHaveCount(0);
    await expect(page.getByText(`/r/${other}`)).toHaveCount(0);

    // Earnings CSV: only the caller's lines, whatever the query string asks for.
    const csv = await page.request.get(`/api/portal/earnings?partner=${other}`);
    expect(csv.status()).toBe(200);
    const body = await csv.text();
    expect(body).not.toContain(other);
  }

  // Registrations: each sees its own list; the other organisation's customers never appear.
  await brightpath.goto("/portal/referrals");
  await expect(brightpath.getByRole("heading", { level: 1 })).toBeVisible();
  const brightpathRegistrations = (await brightpath.getByTestId("partner-registrations").allInnerTexts()).join("\n");
  await trident.goto("/portal/referrals");
  await expect(trident.getByRole("heading", { level: 1 })).toBeVisible();
  const tridentRegistrations = (await trident.getByTestId("partner-registrations").allInnerTexts()).join("\n");
  expect(brightpathRegistrations).not.toBe("");
  for (const cell of brightpathRegistrations.split(/[\n\t]/).filter((l) => /^[a-z0-9-]+\.[a-z.]+$/.test(l.trim()))) {
    expect(tridentRegistrations).not.toContain(cell.trim());
  }

  // Training: each learner's progress is its own; a course page never shows another learner's attempts.
  for (const page of [brightpath, trident]) {
    await page.goto("/portal/training");
    await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();
    await expect(page.getByTestId("course-card").first()).toBeVisible();
  }

  // Staff-only route handlers and pages answer 403 to partners.
  for (const path of ["/api/commissions/export?tab=statements", "/api/opportunities/export"]) {
    const response = await trident.request.get(path);
    expect([401, 403]).toContain(response.status());
  }
  // The page an unapproved partner's link leads to names no partner at all.
  await trident.goto("/link-not-active");
  await expect(trident.getByRole("heading", { name: "This link is not active yet" })).toBeVisible();
  await expect(trident.getByText(/Brightpath|Trident/)).toHaveCount(0);
  const partnerPage = await trident.goto("/partners/applications");
  expect(partnerPage?.status()).toBe(403);
  await brightpath.context().close();
  await trident.context().close();
});
