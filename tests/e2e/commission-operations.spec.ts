import { expect, test } from "@playwright/test";
import { loginAs } from "./helpers";

test("the VP decides an out-of-range override, the seller changes it from the deal, finance records a vendor payment", async ({ browser }) => {
  // The demo holds one out-of-range override waiting for the VP.
  const vp = await browser.newPage();
  await loginAs(vp, "vp");
  await vp.goto("/reports/commissions?tab=overrides");
  const request = vp.getByRole("listitem", { name: /Override for/ }).filter({ hasText: "launch bonus" });
  await expect(request).toContainText("Awaiting approval");
  await request.getByRole("button", { name: "Reject" }).click();
  await expect(request.getByText("Say why the override is rejected")).toBeVisible();
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(request).toContainText("Approved");
  const dealHref = await request.getByRole("link").first().getAttribute("href");

  // The seller sees it applied on the deal, then asks for an even higher rate: it waits for the VP again.
  const seller = await browser.newPage();
  await loginAs(seller, "sales");
  await seller.goto(dealHref!);
  const schedule = seller.getByTestId("commission-schedule").filter({ hasText: "ISV pays us" });
  await expect(schedule.getByTestId("override-state")).toContainText("Override applied");
  await expect(schedule).toContainText("Effective rate 28% (override)");
  await schedule.getByRole("button", { name: "Change override" }).click();
  const form = seller.getByRole("form", { name: /Override the rate/ });
  await form.getByLabel("Rate %").fill("140");
  await form.getByRole("button", { name: "Save override" }).click();
  await expect(form.getByText("A rate cannot exceed 100%")).toBeVisible();
  await expect(form.getByText(/at least 3 characters/)).toBeVisible();
  await form.getByLabel("Rate %").fill("35");
  await form.getByLabel("Reason").fill("Vendor co-marketing bonus for this logo");
  await form.getByRole("button", { name: "Save override" }).click();
  await expect(schedule.getByTestId("override-state")).toContainText("Awaiting VP approval");
  await expect(schedule).toContainText("(agreement rate)");
  await seller.screenshot({ path: "test-results/commission-override.png", fullPage: true });

  // Finance records a payment from a vendor; a bad amount is refused with a field error.
  const finance = await browser.newPage();
  await loginAs(finance, "finance");
  await finance.goto("/reports/commissions?tab=receipts");
  const receipt = finance.getByRole("form", { name: "Record a payment received" });
  await receipt.getByLabel("ISV vendor").selectOption({ index: 1 });
  await receipt.getByLabel("Amount").fill("abc");
  await receipt.getByLabel("Reference").fill("WIRE-E2E-1");
  await receipt.getByRole("button", { name: "Record payment" }).click();
  await expect(finance.getByText("WIRE-E2E-1")).toHaveCount(0);
  await receipt.getByLabel("Amount").fill("1234.56");
  await receipt.getByRole("button", { name: "Record payment" }).click();
  await expect(finance.getByText("WIRE-E2E-1")).toBeVisible();
  await finance.goto("/reports/commissions?tab=statements");
  await expect(finance.getByRole("columnheader", { name: "Received" }).first()).toBeVisible();
  await finance.screenshot({ path: "test-results/commission-statements.png", fullPage: true });
});
