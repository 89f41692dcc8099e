import { expect, test } from "@playwright/test";
import { loginAs, openTriggerDialog, parseTriggerAnswer } from "./helpers";

// This instance pays through Stripe Connect: stripe-node talks to the local contract server, which records
// every transfer request, honours idempotency keys as Stripe does and delivers signed webhooks.
const control = `http://127.0.0.1:${process.env.E2E_STRIPE_SERVER_PORT ?? "3199"}/__control`;
const today = () => new Date().toISOString().slice(0, 10);

type Seen = { requests: { idempotencyKey: string | null; destination: string }[]; transfers: { id: string }[] };
const seen = async (): Promise<Seen> => (await fetch(`${control}/transfers`)).json() as Promise<Seen>;

test("flow 4 through Stripe: approve, batch, trigger twice at once, one transfer per statement, retry a refusal, a reversal from a webhook", async ({ browser }) => {
  const finance = await browser.newPage();
  await loginAs(finance, "finance");
  await finance.goto("/payouts?holding=ready");
  const queue = finance.getByTestId("approval-queue");
  await queue.getByRole("checkbox", { name: "Select every line that can be selected" }).check();
  await queue.getByRole("button", { name: "Approve selected" }).click();
  await expect(finance.getByText(/^Approved \d+ lines?$/)).toBeVisible();

  await finance.goto("/payouts?tab=batches");
  const form = finance.getByRole("form", { name: "New batch" });
  await form.getByLabel("Period start").fill("2020-01-01");
  await form.getByLabel("Period end").fill(today());
  await form.getByRole("button", { name: "New batch" }).click();
  await expect(finance).toHaveURL(/\/payouts\/batches\/[0-9a-f-]{36}$/);
  const statements = finance.getByTestId("payout");
  await expect(statements.first()).toBeVisible();
  const count = await statements.count();
  expect(count).toBeGreaterThan(1);
  await finance.getByRole("button", { name: "Confirm batch" }).click();
  await expect(finance.getByRole("button", { name: "Trigger payouts" })).toBeVisible();

  // Stripe refuses the first transfer (and keeps that answer under its key).
  const before = (await seen()).requests.length;
  await fetch(`${control}/fail`, { method: "POST", body: JSON.stringify({ times: 1 }) });

  const second = await browser.newPage();
  await loginAs(second, "finance");
  await second.goto(finance.url());
  // Both confirm the trigger dialog (total and partner count) at the same moment.
  const confirms = [await openTriggerDialog(finance), await openTriggerDialog(second)];
  await Promise.all(confirms.map((button) => button.click()));
  const answered = async () =>
    (await Promise.all([finance, second].map((p) => p.locator("#trigger-answer").textContent()))).map(parseTriggerAnswer);
  await expect.poll(async () => (await answered()).reduce((n, a) => n + (a ? a.sent + a.failed : 0), 0)).toBe(count);
  expect((await answered()).reduce((n, a) => n + (a?.failed ?? 0), 0)).toBe(1);

  // Exactly one transfer request per statement, each under its own key, whatever the two tabs did.
  const afterTrigger = (await seen()).requests.slice(before);
  expect(afterTrigger).toHaveLength(count);
  expect(new Set(afterTrigger.map((r) => r.idempotencyKey)).size).toBe(count);

  // Statuses arrive live: real transfers (no simulated mark), and one refusal with its reason.
  await expect(statements.filter({ hasText: /tr_local/ })).toHaveCount(count - 1);
  await expect(finance.getByText("simulated")).toHaveCount(0);
  const failed = statements.filter({ hasText: "Failed: Your balance is insufficient" });
  await expect(failed).toHaveCount(1);

  // Retry sends it once more under the next key; a second press has nothing left to send.
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(statements.filter({ hasText: /tr_local/ })).toHaveCount(count);
  const afterRetry = (await seen()).requests.slice(before);
  expect(afterRetry).toHaveLength(count + 1);
  expect(afterRetry.at(-1)!.idempotencyKey).toMatch(/:retry-1$/);
  await expect(finance.getByRole("button", { name: "Retry" })).toHaveCount(0);

  // Stripe reverses one transfer: the signed webhook marks it reversed and releases its lines.
  const first = statements.first();
  const transferId = (await first.locator("dd.font-mono").first().textContent())!.trim();
  const reversed = await (
    await fetch(`${control}/reverse`, { method: "POST", body: JSON.stringify({ transfer: transferId }) })
  ).json();
  expect(reversed).toEqual({ webhookStatus: 200 });
  await finance.reload();
  const again = statements.filter({ hasText: transferId });
  await expect(again).toContainText("reversed");
  await expect(again.getByText("(released)").first()).toBeVisible();
  await finance.screenshot({ path: "test-results/payout-batch-stripe.png", fullPage: true });

  // The reversed lines are payable again: a new batch holds a statement for that partner.
  const partnerName = (await again.getByRole("heading", { level: 2 }).textContent())!.trim();
  await finance.goto("/payouts?tab=batches");
  await form.getByLabel("Period start").fill("2020-01-01");
  await form.getByLabel("Period end").fill(today());
  await form.getByRole("button", { name: "New batch" }).click();
  await expect(finance).toHaveURL(/\/payouts\/batches\/[0-9a-f-]{36}$/);
  await expect(statements.filter({ has: finance.getByRole("heading", { name: partnerName }) })).toHaveCount(1);
});
