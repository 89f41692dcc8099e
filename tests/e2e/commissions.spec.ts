import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("the calculator shows a schedule and the rules behind it; a won deal's sheet shows its commissions", async ({ page }) => {
  await loginAs(page, "finance");
  await page.goto("/reports/calculator");
  const form = page.getByRole("form", { name: "Commission calculator" });
  await form.getByRole("button", { name: "Calculate" }).click();
  await expect(form.getByText("Choose an agreement")).toBeVisible();
  await form.getByLabel("Agreement").selectOption({ index: 1 });
  await form.getByLabel("Deal value").fill("-1");
  await form.getByRole("button", { name: "Calculate" }).click();
  await expect(form.getByText("The value cannot be negative")).toBeVisible();
  await form.getByLabel("Deal value").fill("120000");
  await form.getByRole("button", { name: "Calculate" }).click();
  await expect(page.getByText("How this was calculated")).toBeVisible();
  await expect(page.getByTestId("commission-trace").locator("li").first()).toBeVisible();

  await page.goto("/pipeline");
  const won = page.locator('[data-testid="board-column"][data-stage-key="closed_won"] [data-testid="opportunity-card"]').first();
  await won.click();
  await expect(page.getByRole("heading", { name: "Commissions" })).toBeVisible();
  await expect(page.getByTestId("opportunity-commissions")).toContainText("earned");
});
