import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

const column = (page: Page, key: string) =>
  page.locator(`[data-testid="board-column"][data-stage-key="${key}"]`);
const card = (page: Page, name: string) => page.getByTestId("opportunity-card").filter({ hasText: name });

/** A deal of our own, moved Lead → Demo this week, so the status has a move to pre-fill. */
async function moveADeal(page: Page, customer: string) {
  await page.goto("/pipeline");
  await page.getByRole("button", { name: "New opportunity" }).click();
  const form = page.getByRole("form", { name: "New opportunity" });
  await form.getByLabel("Customer", { exact: true }).fill(customer);
  await form.getByLabel("Value", { exact: true }).fill("42,000");
  await form.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByText("Opportunity created")).toBeVisible();
  await page.keyboard.press("Escape");
  await card(page, customer).focus();
  await page.keyboard.press("ArrowRight");
  await expect(column(page, "demo").getByText(customer)).toBeVisible();
}

async function completeATask(page: Page, title: string) {
  await page.goto("/tasks");
  await page.getByLabel("New task").fill(title);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Task added")).toBeVisible();
  await page.getByRole("button", { name: `Mark “${title}” done` }).click();
  await expect(page.getByRole("button", { name: `Reopen “${title}”` })).toBeVisible();
}

test("a sales manager's pre-filled status survives a reload mid-typing and reaches the VP's team view and meeting agenda", async ({
  browser,
}) => {
  const stamp = Date.now();
  const customer = `E2E Status Co ${stamp}`;
  const taskTitle = `E2E send the POC plan ${stamp}`;
  const blocker = `E2E legal review stuck ${stamp}`;
  const typed = `- Mid-typing plan ${stamp}`;

  const sales = await (await browser.newContext()).newPage();
  await loginAs(sales, "sales");
  await moveADeal(sales, customer);
  await completeATask(sales, taskTitle);

  await sales.goto("/status");
  await expect(sales.getByRole("heading", { name: "Weekly status" })).toBeVisible();
  const accomplishments = sales.getByLabel("Accomplishments", { exact: true });
  // A draft left by an earlier run is not re-filled on load; the button appends what is new.
  if (!(await accomplishments.inputValue()).includes(customer)) {
    await sales.getByRole("button", { name: "Add new activity from this week" }).click();
  }
  await expect(accomplishments).toHaveValue(new RegExp(`${customer}: Lead → Demo`));
  await expect(accomplishments).toHaveValue(new RegExp(`Completed: ${taskTitle}`));

  const blockers = sales.getByRole("form", { name: "Add a blocker" });
  await blockers.getByLabel("New blocker").fill(blocker);
  await blockers.getByLabel("Severity").selectOption("high");
  await blockers.getByLabel("Escalate to VP").check();
  await blockers.getByRole("button", { name: "Add blocker" }).click();
  await expect(sales.getByTestId("blocker").filter({ hasText: blocker })).toContainText("Escalated to VP");

  // Typing, then reloading before the 3-second autosave: the copy on the device brings the text back.
  const plans = sales.getByLabel("Next week's plan", { exact: true });
  await plans.click();
  await plans.press("End");
  await plans.pressSequentially(`\n${typed}`);
  await sales.reload();
  await expect(sales.getByLabel("Next week's plan", { exact: true })).toHaveValue(new RegExp(typed));
  await expect(sales.getByTestId("save-indicator")).toContainText("Saved at", { timeout: 15_000 });

  // Bad input on the way: a disallowed file type is refused with a clear message.
  const attach = sales.getByRole("form", { name: "Attach a file" });
  await attach
    .getByLabel("File")
    .setInputFiles({ name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ...") });
  await attach.getByRole("button", { name: "Upload" }).click();
  await expect(attach.getByRole("alert")).toContainText("“.exe” files cannot be attached");

  await sales.getByRole("button", { name: /Submit (status|again)/ }).click();
  await expect(sales.getByText("Status submitted")).toBeVisible();
  await expect(
    sales.getByRole("form", { name: "Weekly status" }).getByText("Submitted", { exact: true }),
  ).toBeVisible();

  const vp = await (await browser.newContext()).newPage();
  await loginAs(vp, "vp");
  await vp.goto("/team");
  const compliance = vp.getByTestId("compliance-table").getByRole("row", { name: /Marcus Chen/ });
  await expect(compliance).toContainText(/On time|Late/);
  const thisWeek = vp.getByTestId("team-week").first();
  const status = thisWeek.getByTestId("team-status").filter({ hasText: "Marcus Chen" });
  await status.locator("summary").click();
  await expect(status).toContainText(customer);
  await expect(status).toContainText(`Mid-typing plan ${stamp}`);
  await expect(vp.getByTestId("team-blocker").filter({ hasText: blocker })).toContainText("Escalated");

  await vp.getByRole("link", { name: "Meeting mode" }).click();
  await expect(vp.getByRole("heading", { name: "Weekly meeting" })).toBeVisible();
  await expect(vp.getByTestId("agenda-blocker").filter({ hasText: blocker })).toContainText("Marcus Chen");
});
