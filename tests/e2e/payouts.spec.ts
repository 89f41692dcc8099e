import { expect, test } from "@playwright/test";
import { loginAs, openTriggerDialog, parseTriggerAnswer } from "./helpers";

// The e2e server runs without Stripe keys: payouts are simulated transfers, clearly marked.

const today = () => new Date().toISOString().slice(0, 10);

test("finance approves, batches, confirms and triggers payouts once each; the VP sees it read-only; the partner sees its payout", async ({ browser }) => {
  // The VP sees the queue without the actions.
  const vp = await browser.newPage();
  await loginAs(vp, "vp");
  await vp.goto("/payouts");
  await expect(vp.getByRole("note")).toContainText("read-only");
  await expect(vp.getByRole("button", { name: "Approve selected" })).toHaveCount(0);

  // Finance: a rejection needs a reason; then every ready line is approved at once.
  const finance = await browser.newPage();
  await loginAs(finance, "finance");
  await finance.goto("/payouts?holding=ready");
  const queue = finance.getByTestId("approval-queue");
  await expect(queue).toBeVisible();
  await queue.getByRole("checkbox", { name: /^Select .+:/ }).first().check();
  await queue.getByRole("button", { name: "Reject selected" }).click();
  await expect(queue.getByText("Give a reason of at least 3 characters")).toBeVisible();
  await queue.getByRole("checkbox", { name: "Select every line that can be selected" }).check();
  await queue.getByRole("button", { name: "Approve selected" }).click();
  await expect(finance.getByText(/^Approved \d+ lines?$/)).toBeVisible();
  await expect(finance.getByText("Nothing waits for approval")).toBeVisible();

  // A batch for everything approved so far.
  await finance.goto("/payouts?tab=batches");
  const form = finance.getByRole("form", { name: "New batch" });
  await form.getByLabel("Period start").fill("2020-01-01");
  await form.getByLabel("Period end").fill(today());
  await form.getByRole("button", { name: "New batch" }).click();
  await expect(finance).toHaveURL(/\/payouts\/batches\/[0-9a-f-]{36}$/);
  const batchUrl = finance.url();
  const statements = finance.getByTestId("payout");
  // The batch page streams in after the redirect: wait for its first statement before counting.
  await expect(statements.first()).toBeVisible();
  const count = await statements.count();
  expect(count).toBeGreaterThan(0);
  await expect(statements.first()).toContainText("pending");

  // The VP opens the same batch: no confirm or trigger.
  await vp.goto(batchUrl);
  await expect(vp.getByText("Read-only: finance confirms and triggers payout batches.")).toBeVisible();
  await expect(vp.getByRole("button", { name: /Trigger payouts|Confirm batch/ })).toHaveCount(0);

  await finance.getByRole("button", { name: "Confirm batch" }).click();
  await expect(finance.getByRole("button", { name: "Trigger payouts" })).toBeVisible();

  // Two finance tabs press Trigger at the same moment: each statement is paid exactly once.
  const second = await browser.newPage();
  await loginAs(second, "finance");
  await second.goto(batchUrl);
  // Both confirm the trigger dialog (total and partner count) at the same moment.
  const confirms = [await openTriggerDialog(finance), await openTriggerDialog(second)];
  await Promise.all(confirms.map((button) => button.click()));
  // Between the two answers every statement is sent exactly once; the tab that lost the race answers
  // "already processing" (or, if the batch had already finished, that it is no longer waiting).
  const answered = async () =>
    (await Promise.all([finance, second].map((p) => p.locator("#trigger-answer").textContent()))).map(parseTriggerAnswer);
  await expect.poll(async () => (await answered()).reduce((n, a) => n + (a ? a.sent + a.failed : 0), 0)).toBe(count);
  expect((await answered()).some((a) => a !== null)).toBe(true);

  // Statuses arrive live; every payout is marked simulated with its transfer id.
  await expect(statements).toHaveCount(count);
  for (let i = 0; i < count; i += 1) {
    // Simulated transfers complete as simulated paid: nothing is left "sent" (in flight) once the batch completes.
    await expect(statements.nth(i)).toContainText("simulated paid");
    await expect(statements.nth(i)).toContainText(/sim_tr_/);
  }
  await expect(finance.getByRole("button", { name: /Trigger payouts|Resume payouts/ })).toHaveCount(0);
  await expect(finance.getByText("completed (simulated)")).toBeVisible();
  await expect(vp.getByTestId("payout").first()).toContainText("simulated");
  await finance.screenshot({ path: "test-results/payout-batch.png", fullPage: true });

  // Reconciliation shows the payouts matching the ledger, with the CSV export.
  await finance.goto("/payouts/reconciliation?from=2020-01-01&to=" + today());
  await expect(finance.getByTestId("payout-reconciliation")).toContainText("Matches");
  await expect(finance.getByRole("link", { name: "Export ledger CSV" })).toHaveAttribute("href", /\/api\/payouts\/export\?from=2020-01-01/);

  // The demo partner has a Payouts section on its earnings page (its own payouts only, or an empty state).
  const partner = await browser.newPage();
  await loginAs(partner, "partner");
  await partner.goto("/portal/earnings");
  await expect(partner.getByRole("heading", { name: "Payouts" })).toBeVisible();
  await expect(partner.getByTestId("partner-payouts").or(partner.getByText("No payouts yet"))).toBeVisible();
});

test("other roles cannot open the finance screens or the ledger export", async ({ page }) => {
  await loginAs(page, "sales");
  for (const path of ["/payouts", "/payouts/reconciliation", "/payouts?tab=batches"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByTestId("approval-queue")).toHaveCount(0);
  }
  const csv = await page.request.get("/api/payouts/export");
  expect(csv.status()).toBe(403);
});
