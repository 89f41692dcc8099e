import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("finance adds an agreement version from the partner page; an out-of-range rate gets a field error", async ({ page }) => {
  await loginAs(page, "finance");
  await page.goto("/partners");
  await page.getByRole("link", { name: "Datadog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Datadog" })).toBeVisible();
  const agreement = page.getByTestId("agreement").first();
  const before = await agreement.getByRole("row").count();
  await agreement.getByRole("button", { name: "New version" }).click();
  const form = agreement.getByRole("form", { name: "New version" });
  await form.getByLabel("Effective from").fill("2099-01-01");
  await form.getByLabel("Rate %").fill("95");
  await form.getByRole("button", { name: "Add version" }).click();
  await expect(form.getByText(/rate must be between/)).toBeVisible();
  await form.getByLabel("Rate %").fill("12");
  await form.getByRole("button", { name: "Add version" }).click();
  await expect(page.getByText(/Version \d+ added/)).toBeVisible();
  await expect(agreement.getByRole("row")).toHaveCount(before + 1);
  await expect(agreement.getByRole("row").nth(1)).toContainText("2099-01-01 → open");
});

test("sales managers read agreements but cannot edit them", async ({ page }) => {
  await loginAs(page, "sales");
  await page.goto("/partners");
  await page.getByRole("link", { name: "Datadog" }).click();
  await expect(page.getByTestId("agreement").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "New version" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "New agreement" })).toHaveCount(0);
});
