import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("the VP adds a stage, which appears on the board before the closed stages, and sets a goal", async ({ page }) => {
  const name = `Security review ${Date.now() % 100000}`;
  await loginAs(page, "vp");
  await page.goto("/settings/pipeline");
  const add = page.getByRole("form", { name: "Add a stage" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Probability %").fill("60");
  await add.getByRole("button", { name: "Add stage" }).click();
  await expect(page.getByText("Stage added")).toBeVisible();

  await page.goto("/pipeline");
  const headings = page.getByTestId("board-column").getByRole("heading", { level: 2 });
  await expect(headings.filter({ hasText: name })).toBeVisible();
  const order = await headings.allTextContents();
  expect(order.indexOf(name)).toBeLessThan(order.indexOf("Closed won"));

  await page.goto("/settings/pipeline");
  const row = page.getByRole("form", { name: `Stage ${name}` });
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(`${name} deleted`)).toBeVisible();

  await page.goto("/settings/goals");
  const company = page.getByRole("form", { name: "Goal for Company target" });
  await company.getByLabel("Company target").fill("not a number");
  await company.getByRole("button", { name: "Save" }).click();
  await expect(company.getByText("Enter a whole amount, like 250000")).toBeVisible();
  await company.getByLabel("Company target").fill("300,000");
  await company.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Goal for Company target saved")).toBeVisible();
});

test("stage settings are the VP's alone", async ({ page }) => {
  await loginAs(page, "sales");
  await page.goto("/settings/pipeline");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});
