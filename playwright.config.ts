import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";
const stripePort = process.env.E2E_STRIPE_APP_PORT ?? "3101";
const supabasePort = process.env.E2E_SUPABASE_APP_PORT ?? "3102";
// Supabase mode needs PostgreSQL: the GoTrue contract server writes the app database's auth.users.
const supabaseMode = Boolean(process.env.TEST_DATABASE_URL);
/** The flows that run a second time on Supabase Auth. */
const SUPABASE_SPECS = /\/(auth|invite-realtime|portal-onboarding)\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "app", testIgnore: /\.stripe\.spec\.ts$/ },
    // Payouts through Stripe Connect: a second instance with keys, against the local contract server.
    { name: "stripe", testMatch: /\.stripe\.spec\.ts$/, use: { baseURL: `http://localhost:${stripePort}` } },
    // Sign-up, invitations and onboarding on the Supabase adapter, against the local GoTrue contract server.
    ...(supabaseMode ? [{ name: "supabase", testMatch: SUPABASE_SPECS, use: { baseURL: `http://localhost:${supabasePort}` } }] : []),
  ],
  webServer: [
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `http://localhost:${port}/api/health`,
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "npx tsx scripts/e2e-server.ts",
      env: { E2E_STRIPE: "1" },
      url: `http://localhost:${stripePort}/api/health`,
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
    },
    ...(supabaseMode
      ? [
          {
            command: "npx tsx scripts/e2e-server.ts",
            env: { E2E_SUPABASE: "1" },
            url: `http://localhost:${supabasePort}/api/health`,
            timeout: 600_000,
            reuseExistingServer: !process.env.CI,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
  ],
});
