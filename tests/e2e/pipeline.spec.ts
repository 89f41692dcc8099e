import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

const column = (page: Page, key: string) => page.locator(`[data-testid="board-column"][data-stage-key="${key}"]`);
const card = (page: Page, name: string) => page.getByTestId("opportunity-card").filter({ hasText: name });

async function createDeal(page: Page, customer: string) {
  await page.getByRole("button", { name: "New opportunity" }).click();
  const form = page.getByRole("form", { name: "New opportunity" });
  await form.getByLabel("Customer", { exact: true }).fill(customer);
  await form.getByLabel("Value", { exact: true }).fill("42,000");
  await form.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByText("Opportunity created")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(column(page, "lead").getByText(customer)).toBeVisible();
}

/** Keyboard move: focus the card, an arrow key moves it to the neighbouring stage. */
async function keyboardMove(page: Page, customer: string, arrow: "ArrowRight" | "ArrowLeft") {
  await card(page, customer).focus();
  await page.keyboard.press(arrow);
}

/** A real pointer drag: press on the card, move in steps onto the target column's list, release. */
async function pointerDrag(page: Page, customer: string, stageKey: string) {
  const source = card(page, customer);
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const target = column(page, stageKey).getByRole("list");
  await target.scrollIntoViewIfNeeded();
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 12 });
  await page.mouse.up();
}

test("a sales manager's move appears on the VP's open board; stage rules are enforced with clear messages", async ({ browser }) => {
  const customer = `E2E Lumen ${Date.now()}`;
  const vpContext = await browser.newContext();
  const vp = await vpContext.newPage();
  await loginAs(vp, "vp");
  await vp.goto("/pipeline");

  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await loginAs(sales, "sales");
  await createDeal(sales, customer);
  await expect(column(vp, "lead").getByText(customer)).toBeVisible();
  const dashboard = await vpContext.newPage();
  await dashboard.goto("/dashboard");
  const demoCount = dashboard.getByTestId("dashboard-stage-demo");
  const before = Number(await demoCount.textContent());

  await pointerDrag(sales, customer, "demo");
  await expect(column(sales, "demo").getByText(customer)).toBeVisible();
  await expect(column(vp, "demo").getByText(customer)).toBeVisible({ timeout: 5_000 });
  await expect(demoCount).toHaveText(String(before + 1), { timeout: 5_000 });

  // POC needs a technical contact: the dialog asks for it; cancelling sends the card back to Demo.
  await keyboardMove(sales, customer, "ArrowRight");
  const ask = sales.getByRole("dialog", { name: `Move ${customer} to POC` });
  await expect(ask.getByLabel("Technical contact", { exact: true })).toBeVisible();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(column(sales, "demo").getByText(customer)).toBeVisible();
  await expect(column(sales, "poc").getByText(customer)).toHaveCount(0);

  // Moving back asks for a justification, which lands in the history.
  await keyboardMove(sales, customer, "ArrowLeft");
  const dialog = sales.getByRole("dialog", { name: `Move ${customer} to Lead` });
  await dialog.getByLabel("Justification").fill("Budget frozen until January");
  await dialog.getByRole("button", { name: "Move deal" }).click();
  await expect(column(sales, "lead").getByText(customer)).toBeVisible();
  await expect(column(vp, "lead").getByText(customer)).toBeVisible({ timeout: 5_000 });

  await card(sales, customer).click();
  await expect(sales.getByTestId("stage-history")).toContainText("Demo → Lead");
  await expect(sales.getByTestId("stage-history")).toContainText("Budget frozen until January");
  await sales.keyboard.press("Escape");

  // A drag into POC asks for the technical contact and completes the move with it.
  await pointerDrag(sales, customer, "poc");
  const poc = sales.getByRole("dialog", { name: `Move ${customer} to POC` });
  await poc.getByRole("button", { name: "Move deal" }).click();
  await expect(poc.getByText("Name the technical contact")).toBeVisible();
  await poc.getByLabel("Technical contact", { exact: true }).fill("Ines Varga");
  await poc.getByLabel("Technical contact email (optional)").fill("ines@lumen.example");
  await poc.getByRole("button", { name: "Move deal" }).click();
  await expect(column(sales, "poc").getByText(customer)).toBeVisible();
  await expect(column(vp, "poc").getByText(customer)).toBeVisible({ timeout: 5_000 });

  await vpContext.close();
  await salesContext.close();
});

test("the list view filters through the URL and exports CSV", async ({ page }) => {
  await loginAs(page, "vp");
  await page.goto("/pipeline?view=list");
  await page.getByLabel("Domain").selectOption("security");
  await expect(page).toHaveURL(/domain=security/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  expect(text.split("\r\n")[0]).toContain("customer_name,title,value,currency,stage");
  expect(text).toContain(",security,");
});

test("bad input on the opportunity form shows field errors and saves nothing", async ({ page }) => {
  await loginAs(page, "sales");
  await page.getByRole("button", { name: "New opportunity" }).click();
  const form = page.getByRole("form", { name: "New opportunity" });
  await form.getByLabel("Customer", { exact: true }).fill("Broken Deal Inc");
  await form.getByLabel("Value", { exact: true }).fill("-5");
  await form.getByLabel("Currency").fill("XYZ");
  await form.getByLabel("Expected close").fill("1900-01-01");
  await form.getByRole("button", { name: "Create opportunity" }).click();
  await expect(form.getByText("The value cannot be negative")).toBeVisible();
  await expect(form.getByText(/Unknown currency/)).toBeVisible();
  await expect(form.getByText("Choose a date between 2000 and 2100")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByText("Broken Deal Inc")).toHaveCount(0);
});

test("a deal created in POC without a technical contact is refused on that field; named, it is created", async ({ page }) => {
  await loginAs(page, "sales");
  await page.getByRole("button", { name: "New opportunity" }).click();
  const form = page.getByRole("form", { name: "New opportunity" });
  await form.getByLabel("Customer", { exact: true }).fill("Proof Point Labs");
  await form.getByLabel("Value", { exact: true }).fill("42000");
  await form.getByLabel("Stage").selectOption({ label: "POC" });
  await form.getByRole("button", { name: "Create opportunity" }).click();
  const field = form.getByLabel("Technical contact", { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/technical contact/i).first()).toBeVisible();
  await expect(page.getByRole("list", { name: "POC deals" }).getByText("Proof Point Labs")).toHaveCount(0);
  await field.fill("Tess Okafor");
  await form.getByRole("button", { name: "Create opportunity" }).click();
  // Created, the sheet shows the deal for editing; closed, the card stands in POC.
  const edit = page.getByRole("form", { name: "Edit opportunity" });
  await expect(edit.getByLabel("Customer", { exact: true })).toHaveValue("Proof Point Labs");
  await expect(edit.getByLabel("Technical contact", { exact: true })).toHaveValue("Tess Okafor");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("list", { name: "POC deals" }).getByText("Proof Point Labs")).toBeVisible();
});
