import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { loginAs } from "./helpers";

const PARTNER = "Brightpath Consulting";

async function download(page: Page, name: string, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

test("flow 5: the VP finds the business review, fills it from a partner's live data and exports PDF and Word", async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), "templates-e2e-"));
  await loginAs(page, "vp");
  await page.goto("/templates");
  // The library holds the 45 documents with the count per category; the demo team's own template is apart.
  await expect(page.getByText(/^45 partner-program templates and 1 written by your team/)).toBeVisible();
  const counts = page.getByTestId("category-counts");
  const expected = { legal: 4, finance: 3, security: 2, operations: 5, executive: 3, communication: 3, training: 2, analysis: 3, benchmarking: 3, playbooks: 2, resources: 3, "partner-types": 12, team: 1 };
  for (const [key, n] of Object.entries(expected)) {
    await expect(counts.locator(`[data-category="${key}"]`)).toHaveText(new RegExp(`\\D${n}$`));
  }

  await page.getByRole("searchbox", { name: "Search" }).fill("busines review");
  await expect(page).toHaveURL(/q=busines\+review/);
  await page.getByLabel("Tier").selectOption("performer");
  await expect(page).toHaveURL(/tier=performer/);
  await page.getByLabel("Phase").selectOption("review");
  await expect(page).toHaveURL(/phase=review/);
  await expect(page).toHaveURL(/tier=performer/);
  const first = page.getByTestId("template-card").first();
  await expect(first).toContainText("Partner Business Review (Executive)");
  await first.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner Business Review (Executive)" })).toBeVisible();
  await page.getByRole("link", { name: "Fill from live data" }).click();

  await page.getByLabel("Fill from partner").selectOption({ label: PARTNER });
  await expect(page.getByLabel("Partner name (required)")).toHaveValue(PARTNER);
  const revenue = await page.getByLabel("Partner-sourced revenue this quarter (required)").inputValue();
  expect(revenue).toMatch(/^\$[\d,]+\.\d{2}$/);

  // A required field left empty: a field error, nothing saved.
  await page.getByRole("button", { name: "Save document" }).click();
  await expect(page.getByText("QBR meeting date is required")).toBeVisible();
  await expect(page).toHaveURL(/\/fill/);
  await page.getByLabel("QBR meeting date (required)").fill("2026-12-04");
  // Nothing is chosen for the reviewer: the overall status is required, like the headline and the biggest win.
  await expect(page.getByLabel("Overall status (required)")).toHaveValue("");
  await page.getByLabel("One-sentence headline (required)").fill("A record quarter for the joint security practice");
  await page.getByLabel("Biggest win of the quarter (required)").fill("Closed a joint security deal after a proof of concept");
  await page.getByLabel("Overall status (required)").selectOption("On track");
  await page.getByRole("button", { name: "Save document" }).click();
  await expect(page).toHaveURL(/\/templates\/fills\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("article")).toContainText(PARTNER);
  await page.screenshot({ path: "test-results/template-fill.png", fullPage: true });

  const pdf = await download(page, "PDF", dir);
  execFileSync("pdftoppm", ["-png", "-r", "72", "-f", "1", "-l", "1", pdf, path.join(dir, "page")]);
  expect(statSync(path.join(dir, "page-1.png")).size).toBeGreaterThan(10_000);
  const firstPage = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"]).toString();
  expect(firstPage).toContain(PARTNER);
  expect(firstPage).toContain(revenue);

  const docx = await download(page, "Word", dir);
  const xml = Buffer.from(unzipSync(readFileSync(docx))["word/document.xml"]!).toString();
  const text = xml.replace(/<[^>]+>/g, "");
  expect(text).toContain(PARTNER);
  expect(text).toContain(revenue);
  // The chart is a real image, not block characters; no placeholder reaches the reader.
  expect(Object.keys(unzipSync(readFileSync(docx))).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
  for (const body of [firstPage, text]) expect(body).not.toMatch(/\(Partner|n\/a|\$0\.00 target|█/);

  // A second version, and the difference between the two.
  await page.getByRole("link", { name: "Edit values" }).click();
  await page.getByLabel("Overall status").selectOption("At risk");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Compare with version 1" }).click();
  await expect(page.getByTestId("version-diff")).toContainText("At risk");
});

test("a share link opens logged out; revoked it answers 404", async ({ page, browser }) => {
  await loginAs(page, "vp");
  await page.goto("/templates/partner-business-review");
  await page.getByTestId("fills").getByRole("link").first().click();
  const panel = page.getByTestId("share-panel");
  await panel.getByLabel("Expires").selectOption("7");
  await panel.getByRole("button", { name: "Create link" }).click();
  const link = panel.getByTestId("share-link").filter({ hasText: "active" }).first();
  await expect(link).toBeVisible();
  const url = await link.getByLabel("Share link").inputValue();

  const stranger = await browser.newContext();
  const view = await stranger.newPage();
  const opened = await view.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(view.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(view.getByRole("link", { name: "Download PDF" })).toBeVisible();

  await link.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Link revoked: it now answers 404")).toBeVisible();
  const revoked = await view.goto(url);
  expect(revoked?.status()).toBe(404);
  await stranger.close();
  await expect(panel.getByTestId("share-link").filter({ hasText: "revoked" }).first()).toContainText("opened 1 time");
});

test("recommendations on a partner page come with their reasons and a bundle download", async ({ page }) => {
  await loginAs(page, "partnerships");
  await page.goto("/partners");
  await page.getByRole("link", { name: PARTNER }).first().click();
  const card = page.getByTestId("template-recommendations");
  await expect(card).toBeVisible();
  await expect(card.getByRole("link", { name: /Onboard partner \(ZIP\)/ })).toHaveAttribute("href", /\/api\/templates\/bundles\/onboard-partner\?partner=/);
});
