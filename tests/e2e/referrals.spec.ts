import { expect, test } from "@playwright/test";
import { loginAs, uniqueIp } from "./helpers";

const VISITOR_UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

test("a partner shares its link; a visitor's click and referral appear on the partner's links page live", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await loginAs(page, "partner");
  await page.goto("/portal/links");
  await expect(page.getByRole("heading", { name: "Your referral link" })).toBeVisible();

  await page.getByRole("button", { name: /^Copy link/ }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId("default-link").innerText());
  const url = new URL(copied);
  expect(url.pathname).toMatch(/^\/r\/[a-z0-9-]+$/);
  const code = url.pathname.split("/").pop()!;

  const row = page.locator(`[data-testid="referral-link"][data-code="${code}"]`);
  const clicksBefore = Number(
    (await row.getByTestId("link-clicks").innerText()).split("\n")[0]!.replace(/,/g, ""),
  );
  const referralsBefore = Number((await row.getByTestId("link-referrals").innerText()).replace(/,/g, ""));

  const visitorContext = await browser.newContext({
    userAgent: VISITOR_UA,
    extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
  });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${url.pathname}`);
  await expect(visitor).toHaveURL(/\/welcome$/);
  const cookies = await visitorContext.cookies();
  expect(cookies.find((c) => c.name === "po_ref")?.value).toMatch(new RegExp(`^${code}\\.`));

  await expect(row.getByTestId("link-clicks")).toContainText(String(clicksBefore + 1), { timeout: 10_000 });

  const email = `lead-${Date.now()}@visitor-e2e.example`;
  await visitor.getByLabel("Name").fill("Robin Visitor");
  await visitor.getByLabel("Work email").fill(email);
  await visitor.getByLabel("Company").fill("Visitor Industries");
  await visitor.getByLabel(/How can we help/).fill("We would like a demo.");
  await visitor.getByRole("button", { name: "Talk to us" }).click();
  await expect(visitor.getByTestId("talk-to-us-sent")).toBeVisible();

  await expect(row.getByTestId("link-referrals")).toHaveText(String(referralsBefore + 1), {
    timeout: 10_000,
  });
  await expect(page.getByTestId("recent-referrals")).toContainText("Robin Visitor");
  await visitorContext.close();
});

test("the landing form shows field errors", async ({ page }) => {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await page.goto("/welcome");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByRole("button", { name: "Talk to us" }).click();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
});

test("an unknown code shows the 404 page, and ?url= never changes where a link leads", async ({
  page,
  browser,
}) => {
  const response = await page.goto("/r/unknown-code-e2e");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  await loginAs(page, "partner");
  await page.goto("/portal/links");
  const code = new URL(await page.getByTestId("default-link").innerText()).pathname.split("/").pop()!;
  const visitorContext = await browser.newContext({
    userAgent: VISITOR_UA,
    extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
  });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/r/${code}?url=https://elsewhere.example`);
  await expect(visitor).toHaveURL(/\/welcome$/);
  await expect(visitor.getByRole("heading", { name: "Talk to us" })).toBeVisible();
  await visitorContext.close();
});
