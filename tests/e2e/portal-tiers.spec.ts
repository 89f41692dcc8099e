import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

const column = (page: Page, key: string) =>
  page.locator(`[data-testid="board-column"][data-stage-key="${key}"]`);
const card = (page: Page, name: string) => page.getByTestId("opportunity-card").filter({ hasText: name });

/** The VP opens a deal referred by the demo partner at Proposal and closes it as won for `value`. */
async function closeReferredDeal(vp: Page, customer: string, value: string) {
  await vp.getByRole("button", { name: "New opportunity" }).click();
  const form = vp.getByRole("form", { name: "New opportunity" });
  await form.getByLabel("Customer", { exact: true }).fill(customer);
  await form.getByLabel("Value", { exact: true }).fill(value);
  await form.getByLabel("Stage", { exact: true }).selectOption({ label: "Proposal" });
  await form
    .getByLabel("Referring partner", { exact: true })
    .selectOption({ label: "Brightpath Consulting" });
  await form.getByLabel("Technical contact", { exact: true }).fill("Ada Lovelace");
  await form.getByRole("button", { name: "Create opportunity" }).click();
  await expect(vp.getByText("Opportunity created")).toBeVisible();
  await vp.keyboard.press("Escape");
  await expect(column(vp, "proposal").getByText(customer)).toBeVisible();

  // The board refreshes live as the deal lands; focus the card again if a refresh took the focus away.
  const dialog = vp.getByRole("dialog", { name: `Move ${customer} to Closed won` });
  await expect(async () => {
    await card(vp, customer).focus();
    await vp.keyboard.press("ArrowRight");
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await dialog.getByLabel(/Final value/).fill(value);
  await dialog.getByRole("button", { name: "Move deal" }).click();
  await expect(column(vp, "closed_won").getByText(customer)).toBeVisible();
}

test("a referred deal won by the VP moves the partner's tier live on its open home, and the tier email is in the mailbox", async ({
  browser,
}) => {
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await loginAs(partner, "partner");
  const tierName = partner.getByTestId("tier-name");
  await expect(tierName).toBeVisible();
  const before = (await tierName.textContent())!.trim();
  await expect(partner.getByTestId("tier-progress")).toBeVisible();

  const vpContext = await browser.newContext();
  const vp = await vpContext.newPage();
  await loginAs(vp, "vp");
  await vp.goto("/pipeline");

  // Each won deal is large; the next tier may also need more won deals, so close until the tier moves up.
  let after = before;
  const stamp = Date.now();
  for (let i = 1; i <= 6 && after === before; i += 1) {
    await closeReferredDeal(vp, `E2E Tier Deal ${stamp}-${i}`, "250,000");
    await expect
      .poll(async () => (await tierName.textContent())!.trim(), { timeout: 8_000 })
      .not.toBe(before)
      .catch(() => undefined);
    after = (await tierName.textContent())!.trim();
  }
  // The partner never reloaded: the live refresh brought the new tier in.
  expect(after).not.toBe(before);
  await expect(partner.getByTestId("notification-list")).toContainText(`You moved up to ${after}`);

  const mailbox = await vpContext.newPage();
  await mailbox.goto("/dev/mailbox");
  const tierEmail = mailbox
    .getByTestId("mailbox-message")
    .filter({ hasText: `You reached the ${after} tier` })
    .filter({ hasText: "To partner@demo.partneros.dev" });
  await expect(tierEmail.first()).toBeVisible();

  await vpContext.close();
  await partnerContext.close();
});
