import { expect, test } from "@playwright/test";
import { loginAs, uniqueIp } from "./helpers";

test("a partner applies, is approved, accepts the invitation, onboards and copies the default referral link", async ({
  browser,
}) => {
  const stamp = Date.now();
  const company = `Northwind Advisory ${stamp}`;
  const email = `founder-${stamp}@northwind.example`;

  // 1. Apply on the public program page, logged out.
  const applicant = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const apply = await applicant.newPage();
  await apply.goto("/program");
  await expect(apply.getByRole("heading", { name: "Tiers, rates and payouts" })).toBeVisible();
  await expect(apply.getByRole("list", { name: "Partner tiers" }).getByRole("listitem")).not.toHaveCount(0);
  await apply.getByRole("button", { name: "Apply to the program" }).click();
  await expect(apply.getByText("Enter your company name")).toBeVisible();
  await apply.getByLabel("Company").fill(company);
  await apply.getByLabel("Website", { exact: true }).fill("https://northwind.example");
  await apply.getByLabel("Industry or niche").fill("FinOps consulting");
  await apply.getByLabel("Partner experience").selectOption("experienced");
  await apply.getByLabel("Monthly referral goal (USD)").fill("20000");
  await apply.getByLabel("Your name").fill("Nora Winters");
  await apply.getByLabel("Email", { exact: true }).fill(email);
  await apply.getByLabel("Phone", { exact: true }).fill("+1 206 555 0199");
  await apply.getByLabel("Video call").check();
  await apply.getByLabel("LinkedIn").fill("linkedin.com/in/norawinters");
  await apply.getByLabel("Anything else we should know?").fill("We advise 30 SaaS companies on cloud spend.");
  await apply.getByRole("button", { name: "Apply to the program" }).click();
  await expect(apply.getByRole("heading", { name: "Thank you for applying" })).toBeVisible();

  // 2. The VP approves it.
  const staff = await browser.newContext();
  const vp = await staff.newPage();
  await loginAs(vp, "vp");
  await vp.goto("/partners");
  await vp.getByRole("link", { name: "Applications" }).click();
  await expect(vp).toHaveURL(/\/partners\/applications$/);
  const card = vp.getByTestId("application").filter({ hasText: company });
  await expect(card.getByText(email)).toBeVisible();
  await card.getByRole("button", { name: `Approve ${company}` }).click();
  await expect(card.getByText("Approved", { exact: true })).toBeVisible();
  await staff.close();

  // 3. The invitation arrives in the dev mailbox; the applicant accepts it.
  await apply.goto("/dev/mailbox");
  const message = apply
    .getByTestId("mailbox-message")
    .filter({ hasText: email })
    .filter({ has: apply.getByRole("link", { name: /\/invite\// }) })
    .first();
  await message.getByRole("link", { name: /\/invite\// }).click();
  await expect(apply.getByRole("heading", { name: /Join/ })).toBeVisible();
  await apply.getByLabel("Your name").fill("Nora Winters");
  await apply.getByLabel("Choose a password").fill("a good long password");
  await apply.getByRole("button", { name: "Join the workspace" }).click();
  await expect(apply).toHaveURL(/\/portal$/);

  // 4. The portal home points to the wizard.
  await apply.getByRole("link", { name: "Continue onboarding" }).click();
  await expect(apply).toHaveURL(/\/portal\/onboarding/);
  await expect(apply.getByText("0 of 4 steps done")).toBeVisible();

  // (a) profile and business
  await apply.getByLabel("Job title").fill("Managing partner");
  // The phone given on the application is already there.
  await expect(apply.getByLabel("Phone", { exact: true })).toHaveValue("+1 206 555 0199");
  await apply.getByLabel("Website").fill("https://northwind.example");
  await apply.getByLabel("Industry or niche").fill("FinOps consulting");
  await apply.getByLabel("Country", { exact: true }).selectOption("US");
  await apply.getByLabel("Company size (people)").selectOption("2-10");
  await apply.getByLabel("What your company does").fill("Cloud cost advisory for SaaS companies.");
  await apply.getByRole("button", { name: "Save and continue" }).click();
  await expect(apply.getByText("1 of 4 steps done")).toBeVisible();

  // (b) payout: bank transfer (Stripe is not configured in tests); only the last four come back
  await apply.getByLabel("Account holder").fill("Northwind Advisory LLC");
  await apply.getByLabel("Bank country").selectOption("US");
  // A US account takes a routing number; a wrong check digit is refused on the field.
  await apply.getByLabel("Routing number").fill("021000022");
  await apply.getByLabel("Account number", { exact: true }).fill("000123456789");
  await apply.getByLabel("Payout currency").fill("USD");
  await apply.getByRole("button", { name: "Save and continue" }).click();
  await expect(apply.getByText(/not a valid routing number/)).toBeVisible();
  await apply.getByLabel("Routing number").fill("021000021");
  await apply.getByLabel("Payout currency").fill("USD");
  await apply.getByRole("button", { name: "Save and continue" }).click();
  await expect(apply.getByText("2 of 4 steps done")).toBeVisible();
  await apply.goto("/portal/onboarding?step=payout");
  await expect(apply.getByText(/bank account ending 6789/)).toBeVisible();
  await expect(apply.getByText("000123456789")).toHaveCount(0);
  await apply.getByRole("link", { name: /Tax details/ }).click();

  // (c) tax: W-9
  await apply.getByLabel("Form", { exact: true }).selectOption("w9");
  await apply.getByLabel("Federal tax classification").selectOption("llc");
  await apply.getByLabel("Legal name").fill("Northwind Advisory LLC");
  await apply.getByLabel("Country", { exact: true }).selectOption("US");
  await apply.getByLabel("TIN (SSN or EIN)").fill("12-3456789");
  await apply.getByLabel("Address").fill("500 Pine St, Seattle, WA 98101");
  await apply.getByLabel("Signature").fill("Nora Winters");
  await apply.getByRole("button", { name: "Submit and continue" }).click();
  await expect(apply.getByText("3 of 4 steps done")).toBeVisible();

  // (d) program documents
  for (const title of ["Partner Program Agreement", "Commission Terms", "Partner Code of Conduct"]) {
    await apply.getByLabel(new RegExp(`I accept the ${title}`)).check();
  }
  await apply.getByRole("button", { name: "Accept and continue" }).click();

  // Done: the default referral link with a Copy button.
  await expect(apply.getByRole("heading", { name: "You are all set" })).toBeVisible();
  const link = apply.getByTestId("default-link");
  await expect(link).toHaveValue(/\/r\/[a-z0-9-]+$/);
  await applicant.grantPermissions(["clipboard-read", "clipboard-write"]);
  await apply.getByRole("button", { name: "Copy" }).click();
  await expect(apply.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await apply.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());

  const copiedLink = await link.inputValue();
  await apply.getByRole("link", { name: "Go to your portal" }).click();
  await expect(apply).toHaveURL(/\/portal$/);
  await expect(apply.getByTestId("onboarding-banner")).toHaveCount(0);
  await expect(apply.getByTestId("funnel-clicks").getByTestId("funnel-count")).toHaveText("0");
  // The tax id went in once and is never shown back.
  await apply.goto("/portal/onboarding?step=tax");
  await expect(apply.getByText(/Submitted on .*\(W-9\)/)).toBeVisible();
  expect(await apply.content()).not.toContain("3456789");
  await apply.goto("/portal");
  await expect(apply.getByTestId("funnel-referrals").getByTestId("funnel-count")).toHaveText("0");

  // A visitor in a fresh browser follows the copied link and talks to us; the partner's open home shows both.
  const visitorContext = await browser.newContext({
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
    extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
  });
  const visitor = await visitorContext.newPage();
  await visitor.goto(new URL(copiedLink).pathname);
  await expect(visitor).toHaveURL(/\/welcome$/);
  await expect(apply.getByTestId("funnel-clicks").getByTestId("funnel-count")).toHaveText("1", { timeout: 10_000 });
  await visitor.getByLabel("Name").fill("Casey Prospect");
  await visitor.getByLabel("Work email").fill(`casey-${Date.now()}@prospect-e2e.example`);
  await visitor.getByLabel("Company").fill("Prospect Dynamics");
  await visitor.getByLabel(/How can we help/).fill("Looking for help with our cloud costs.");
  await visitor.getByRole("button", { name: "Talk to us" }).click();
  await expect(visitor.getByTestId("talk-to-us-sent")).toBeVisible();
  await expect(apply.getByTestId("funnel-referrals").getByTestId("funnel-count")).toHaveText("1", { timeout: 10_000 });
  await expect(apply.getByText("Casey Prospect")).toBeVisible();
  await apply.screenshot({ path: "test-results/partner-home-after-referral.png", fullPage: true });
  await visitorContext.close();
  await applicant.close();
});
