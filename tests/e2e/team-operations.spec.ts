import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("a sales manager adds a task, marks it done, and a missing title is refused", async ({ page }) => {
  await loginAs(page, "sales");
  await page.goto("/tasks");
  const add = page.getByRole("form", { name: "Quick add a task" });
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("alert").first()).toBeVisible();

  const title = `Send the POC success criteria ${Date.now()}`;
  await add.getByLabel("New task").fill(title);
  await add.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText("Task added")).toBeVisible();
  const row = page.getByTestId("task-row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Mark “${title}” done` }).click();
  await expect(row.getByRole("button", { name: `Reopen “${title}”` })).toBeVisible();
});

test("a partnership manager logs an interaction on a partner page; the partner's health is shown with its band", async ({ page }) => {
  await loginAs(page, "partnerships");
  await page.goto("/partners");
  await page.getByRole("link", { name: "Brightpath Consulting" }).first().click();
  await expect(page.getByText("Relationship health")).toBeVisible();
  const form = page.getByRole("form", { name: "Log an interaction" });
  await form.getByLabel("Summary and notes").fill("Quarterly planning call: two joint accounts agreed for December.");
  await form.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByText("Interaction logged", { exact: true })).toBeVisible();
  await expect(page.getByText("Quarterly planning call: two joint accounts agreed for December.")).toBeVisible();
});

test("alerts and their settings open for the VP", async ({ page }) => {
  await loginAs(page, "vp");
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await page.goto("/settings/alerts");
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Alerts" })).toHaveAttribute("aria-current", "page");
});
