import { expect, test } from "@playwright/test";
import { DEMO, forgeRoleClaim, login, loginAs, uniqueIp } from "./helpers";

test.describe("demo logins", () => {
  for (const [who, account] of Object.entries(DEMO)) {
    test(`${who} lands on ${account.home}`, async ({ page }) => {
      await login(page, account.email);
      await expect(page).toHaveURL(new RegExp(`${account.home}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.heading);
      await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
    });
  }
});

test("sign up, confirm the email from the dev mailbox, then sign in", async ({ page }) => {
  const email = `e2e-${Date.now()}@newpartner.example`;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Robin Vega");
  await page.getByLabel("Company").fill("Vega Cloud Partners");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a strong password");
  await page.getByRole("button", { name: "Create partner account" }).click();
  await expect(page).toHaveURL(/\/check-email/);
  await expect(page.getByText(email)).toBeVisible();

  await page.getByRole("link", { name: "dev mailbox" }).click();
  // The application's receipt arrives beside the verification email.
  const message = page
    .getByTestId("mailbox-message")
    .filter({ hasText: email })
    .filter({ hasText: "Confirm your email for PartnerOS" })
    .first();
  await expect(message).toContainText("Confirm your email for PartnerOS");
  await message.getByRole("link", { name: /\/api\/auth\/verify/ }).click();
  await expect(page).toHaveURL(/\/login\?verified=1/);
  await expect(page.getByText("Email confirmed")).toBeVisible();

  await login(page, email, "a strong password");
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByText("Vega Cloud Partners partner portal")).toBeVisible();
});

test("sign-up shows field errors for bad input; a registered email gets the usual answer and creates nothing", async ({ page }) => {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Sam");
  await page.getByLabel("Company").fill("Sam Co");
  await page.getByLabel("Work email").fill("sam@");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create partner account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@company.com")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Work email").fill(DEMO.partner.email);
  await page.getByLabel("Password").fill("long enough password");
  await page.getByRole("button", { name: "Create partner account" }).click();
  // Answered like any sign-up, so the form does not reveal who has an account; the owner gets an email instead.
  await expect(page).toHaveURL(/\/check-email/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});

test("wrong password shows an inline error; the 11th failure in a minute is refused with 429 and Retry-After", async ({ page, request }) => {
  await login(page, DEMO.vp.email, "not the password");
  await expect(page.getByText("Email or password is incorrect").first()).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  const ip = uniqueIp();
  // An unknown email, so the VP's own per-account delay does not start for the tests that follow.
  const stranger = `nobody-${Date.now()}@x.example`;
  for (let i = 0; i < 10; i += 1) {
    const r = await request.post("/api/auth/login", { headers: { "x-forwarded-for": ip }, data: { email: stranger, password: "wrong" } });
    expect(r.status()).toBe(401);
  }
  const blocked = await request.post("/api/auth/login", { headers: { "x-forwarded-for": ip }, data: { email: DEMO.vp.email, password: "partneros-demo" } });
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
  expect(blocked.headers()["content-type"]).toContain("application/problem+json");
  expect((await blocked.json()).title).toBe("Too many failed sign-in attempts");
});

test("a forged role field or malformed JSON is refused by the auth API", async ({ request }) => {
  const headers = { "x-forwarded-for": uniqueIp() };
  const forged = await request.post("/api/auth/signup", {
    headers,
    data: { displayName: "Eve", companyName: "Eve Co", email: `eve-${Date.now()}@x.example`, password: "long enough pw", role: "vp" },
  });
  expect(forged.status()).toBe(422);
  expect((await forged.json()).errors.role[0]).toContain("not a field");
  const malformed = await request.post("/api/auth/login", { headers: { ...headers, "content-type": "application/json" }, data: "{not json" });
  expect(malformed.status()).toBe(400);
});

test("a tampered session cookie is treated as signed out", async ({ page, context }) => {
  await loginAs(page, "partner");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.includes("partneros-session") && !c.name.endsWith("code-verifier"))!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe("Lax");
  await context.addCookies([{ ...session, value: forgeRoleClaim(session.value, "vp") }]);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
});

test("a session cookie copied before sign-out is refused after it", async ({ page, context, request }) => {
  await loginAs(page, "partner");
  const copied = (await context.cookies()).filter((c) => c.name.includes("partneros-session")).map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.get("/api/portal/earnings", { headers: { cookie: copied } })).status()).toBe(200);
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  const after = await request.get("/api/portal/earnings", { headers: { cookie: copied } });
  expect(after.status()).toBe(401);
});

test("sign out ends the session", async ({ page }) => {
  await loginAs(page, "finance");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await page.goto("/payouts");
  await expect(page).toHaveURL(/\/login/);
});
