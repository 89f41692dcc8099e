import { expect, test, type Page } from "@playwright/test";
import { loginAs, uniqueIp } from "./helpers";

const alertCard = (page: Page, text: string | RegExp) => page.getByTestId("alert").filter({ hasText: text });
const tab = (page: Page, name: RegExp) => page.getByRole("link", { name });

test("a stalled deal's alert resolves when the deal moves; an overdue task's alert resolves when it is done", async ({ page }) => {
  await loginAs(page, "sales");
  await page.goto("/alerts");
  const stalled = alertCard(page, /Roadie – Internal developer portal has not moved/);
  await expect(stalled).toHaveCount(1);
  const overdue = alertCard(page, "Overdue task: Chase the signed order form from Sable Security Bank");
  await expect(overdue).toHaveCount(1);

  // Move the deal on from POC to Proposal with the keyboard.
  await page.goto("/pipeline");
  const card = page.getByTestId("opportunity-card").filter({ hasText: "Roadie – Internal developer portal" }).filter({ hasText: "Sequoia Health Plan" });
  await card.focus();
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/pipeline");
  await page.keyboard.press("ArrowRight");
  await saved;
  await expect(page.locator('[data-testid="board-column"][data-stage-key="proposal"]').getByTestId("opportunity-card").filter({ hasText: "Roadie – Internal developer portal" }).filter({ hasText: "Sequoia Health Plan" })).toBeVisible();

  await page.goto("/alerts");
  await expect(alertCard(page, /Roadie – Internal developer portal has not moved/)).toHaveCount(0);
  await tab(page, /^Resolved/).click();
  const resolved = alertCard(page, /Roadie – Internal developer portal has not moved/);
  await expect(resolved).toHaveCount(1);
  await expect(resolved.getByText("Resolved", { exact: true })).toBeVisible();
  await expect(resolved).toContainText("The deal moved");

  // Complete the overdue task from the alert's record link.
  await page.goto("/alerts");
  await alertCard(page, "Overdue task: Chase the signed order form from Sable Security Bank")
    .getByRole("link", { name: "Open record" })
    .click();
  await expect(page).toHaveURL(/\/tasks/);
  const title = "Chase the signed order form from Sable Security Bank";
  const sheet = page.getByRole("dialog", { name: title });
  const done = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/tasks");
  await sheet.getByRole("button", { name: "Mark done" }).click();
  await done;

  await page.goto("/alerts");
  await expect(alertCard(page, `Overdue task: ${title}`)).toHaveCount(0);
  await tab(page, /^Resolved/).click();
  await expect(alertCard(page, `Overdue task: ${title}`)).toContainText("The task was completed");
});

test("self sign-up lands in the application queue, and its referral link is not active yet", async ({ page, browser }) => {
  const stamp = Date.now();
  const company = `Signup Harbor ${stamp}`;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Noor Haddad");
  await page.getByLabel("Company").fill(company);
  await page.getByLabel("Work email").fill(`noor-${stamp}@signupharbor.example`);
  await page.getByLabel("Password").fill("a strong password");
  await page.getByRole("button", { name: "Create partner account" }).click();
  await expect(page).toHaveURL(/\/check-email/);

  const reviewer = await (await browser.newContext()).newPage();
  await loginAs(reviewer, "partnerships");
  await reviewer.goto("/partners/applications");
  const card = reviewer.getByTestId("application").filter({ hasText: company });
  await expect(card).toBeVisible();
  await expect(card.getByText("Signed up")).toBeVisible();
  await expect(card.getByRole("button", { name: `Approve ${company}` })).toBeVisible();
  await reviewer.context().close();
});

test("the not-active link page is a real page that says what to do", async ({ page }) => {
  const response = await page.goto("/link-not-active");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This link is not active yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Talk to us" })).toHaveAttribute("href", "/welcome");
});
