import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import { login, loginAs } from "./helpers";

const TRIDENT = "lucas@trident-networks.example"; // a demo partner below the top tier

/** The VP moves the "Advanced sales" feature to another tier at /settings/tiers. */
async function moveAdvancedSales(vp: Page, tier: string) {
  await vp.goto("/settings/tiers");
  const form = vp.locator('form[data-feature="training.advanced_sales"]');
  await form.getByLabel("Unlocks at").selectOption({ label: tier });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(vp.getByText(/saved$/).first()).toBeVisible();
}

/** The right choices of a course's assessment, from its content file. */
function answerKey(file: string): { prompt: string; correct: string[] }[] {
  const source = readFileSync(path.join(process.cwd(), "content", "training", file), "utf8");
  const fm = parseYaml(source.split(/^---$/m)[1]!) as { questions: { prompt: string; choices: { label: string; correct: boolean }[] }[] };
  return fm.questions.map((q) => ({ prompt: q.prompt, correct: q.choices.filter((c) => c.correct).map((c) => c.label) }));
}

test("a course above the partner's tier is locked in the page and the API until the VP's entitlement change opens it", async ({ browser }) => {
  // A demo partner below the top tier (the demo's evaluation decides who), and the rung above its tier.
  const ladder = ["Starter", "Growth", "Performer", "Elite"];
  let partner = await (await browser.newContext()).newPage();
  await login(partner, TRIDENT);
  await expect(partner).toHaveURL(/\/portal$/);
  let own = (await partner.getByTestId("tier-name").innerText()).trim();
  if (own === "Elite") {
    await partner.context().close();
    partner = await (await browser.newContext()).newPage();
    await loginAs(partner, "partner");
    own = (await partner.getByTestId("tier-name").innerText()).trim();
  }
  const above = ladder[ladder.indexOf(own) + 1];
  expect(above, `${own} has a tier above it`).toBeDefined();
  const vp = await (await browser.newContext()).newPage();
  await loginAs(vp, "vp");
  await moveAdvancedSales(vp, above!);
  await partner.getByRole("link", { name: "Training" }).first().click();
  await expect(partner).toHaveURL(/\/portal\/training$/);
  const card = partner.locator('[data-testid="course-card"][data-course="advanced-sales"]');
  await expect(card).toHaveAttribute("data-state", "locked");
  await expect(card.getByTestId("course-lock")).toHaveText(`Advanced sales unlocks at the ${above} tier.`);
  await partner.goto("/portal/training/advanced-sales");
  await expect(partner.getByTestId("course-locked")).toContainText(`unlocks at the ${above} tier`);
  await expect(partner.getByTestId("lesson")).toHaveCount(0);
  const api = await partner.request.get("/api/training/courses/advanced-sales");
  expect(api.status()).toBe(403);

  // Back to the partner's own tier: its next load opens the course (an entitlement edit is not a realtime event).
  await moveAdvancedSales(vp, own);
  await partner.reload();
  await expect(partner.getByTestId("course-overview")).toBeVisible();
  expect((await partner.request.get("/api/training/courses/advanced-sales")).status()).toBe(200);
  if (own !== "Growth") await moveAdvancedSales(vp, "Growth");
  await vp.context().close();
  await partner.context().close();
});

test("a partner completes a course, keyboard only for the lessons, and passes its assessment", async ({ page }) => {
  await login(page, TRIDENT);
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto("/portal/training/program-basics");
  await page.getByRole("button", { name: "Start course" }).click();
  for (let i = 0; i < 3; i++) {
    await expect(page.getByTestId("lesson")).toBeVisible();
    const done = page.getByRole("button", { name: "Mark as done and continue" });
    await done.focus();
    await page.keyboard.press("Enter");
    await expect(done).toHaveCount(0, { timeout: 15_000 }).catch(() => undefined);
  }
  await expect(page.getByTestId("assessment-form")).toBeVisible();
  // Answers are not in the page before submission.
  expect(await page.content()).not.toContain('"correct"');
  for (const q of answerKey("01-program-basics.md")) {
    const fieldset = page.locator("fieldset").filter({ hasText: q.prompt });
    for (const label of q.correct) await fieldset.getByLabel(label, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Submit answers" }).click();
  const result = page.getByTestId("attempt-result");
  await expect(result).toHaveAttribute("data-passed", "true");
  await expect(result).toContainText("100%");
  await expect(result).toContainText("Tiers are re-evaluated");
  await page.goto("/portal/training");
  await expect(page.locator('[data-testid="course-card"][data-course="program-basics"]')).toHaveAttribute("data-state", "passed");
  await expect(page.getByTestId("skill-levels")).toContainText("Foundation");
});
