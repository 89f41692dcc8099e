import { expect, test } from "@playwright/test";
import { loginAs, uniqueIp } from "./helpers";

test("the VP invites a teammate; accepting lights up the VP's bell live", async ({ page, browser }) => {
  await loginAs(page, "vp");
  await page.goto("/settings");
  const bell = page.getByTestId("notification-bell");
  const before = Number((await page.getByTestId("notification-count").textContent().catch(() => "0")) ?? "0");

  const email = `new-finance-${Date.now()}@stratus.example`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("finance");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  await expect(page.getByText(new RegExp(`${email} · Finance`))).toBeVisible();

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const invitee = await other.newPage();
  await invitee.goto("/dev/mailbox");
  const message = invitee.getByTestId("mailbox-message").filter({ hasText: email }).first();
  await message.getByRole("link", { name: /\/invite\// }).click();
  await expect(invitee.getByRole("heading", { name: /Join/ })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Fran Ortiz");
  await invitee.getByLabel("Choose a password").fill("a good password");
  await invitee.getByRole("button", { name: "Join the workspace" }).click();
  await expect(invitee).toHaveURL(/\/payouts$/);

  await expect(page.getByTestId("notification-count")).toHaveText(String(before + 1));
  await bell.click();
  await expect(page.getByRole("menuitem", { name: /Fran Ortiz joined the workspace/ })).toBeVisible();
  await other.close();
});
