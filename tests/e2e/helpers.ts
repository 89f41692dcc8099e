import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "partneros-demo";

export const DEMO = {
  vp: { email: "vp@demo.partneros.dev", home: "/dashboard", heading: /Welcome back/ },
  sales: { email: "sales1@demo.partneros.dev", home: "/pipeline", heading: /Pipeline/ },
  sales2: { email: "sales2@demo.partneros.dev", home: "/pipeline", heading: /Pipeline/ },
  sales3: { email: "sales3@demo.partneros.dev", home: "/pipeline", heading: /Pipeline/ },
  partnerships: { email: "partnerships1@demo.partneros.dev", home: "/partners", heading: /Partners/ },
  partnerships2: { email: "partnerships2@demo.partneros.dev", home: "/partners", heading: /Partners/ },
  finance: { email: "finance@demo.partneros.dev", home: "/payouts", heading: /Payouts/ },
  partner: { email: "partner@demo.partneros.dev", home: "/portal", heading: /Welcome/ },
} as const;

let ipCounter = 0;
/** Each test signs in from its own address, so the per-address login limit never couples tests. */
export function uniqueIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(Math.random() * 200)}.${ipCounter % 250}`;
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function loginAs(page: Page, who: keyof typeof DEMO) {
  await login(page, DEMO[who].email);
  await expect(page).toHaveURL(new RegExp(`${DEMO[who].home}$`));
}

/** A batch's trigger answer ("3 sent · 1 failed", "2 simulated payouts recorded, no money moved · 1 already processing"). */
export function parseTriggerAnswer(text: string | null) {
  const sent = /(\d+) (?:sent|simulated payouts? recorded)/.exec(text ?? "");
  if (!sent) return null;
  const count = (re: RegExp) => Number(re.exec(text ?? "")?.[1] ?? 0);
  return { sent: Number(sent[1]), failed: count(/(\d+) failed/), busy: count(/(\d+) already processing/) };
}

/** Presses "Trigger payouts" and checks the confirmation names the total and the partner count; returns its confirm button. */
export async function openTriggerDialog(page: Page) {
  await page.getByRole("button", { name: "Trigger payouts" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(/[$€£]\d/);
  await expect(dialog).toContainText(/\d+ partners?/);
  return dialog.getByRole("button", { name: /^(Pay \d+ partners?|Record simulated payouts)$/ });
}

/**
 * The session cookie with a role claim rewritten and the signature kept: the local adapter's cookie is the JWT
 * itself, Supabase's (@supabase/ssr) a base64url JSON session holding it as `access_token`.
 */
export function forgeRoleClaim(cookieValue: string, role: string): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const forgeJwt = (jwt: string) => {
    const [h, p, s] = jwt.split(".");
    const claims = JSON.parse(Buffer.from(p!, "base64url").toString()) as Record<string, unknown>;
    return `${h}.${b64({ ...claims, app_metadata: { role } })}.${s}`;
  };
  if (!cookieValue.startsWith("base64-")) return forgeJwt(cookieValue);
  const session = JSON.parse(Buffer.from(cookieValue.slice("base64-".length), "base64url").toString()) as { access_token: string };
  return `base64-${b64({ ...session, access_token: forgeJwt(session.access_token) })}`;
}
