import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);
const alias = { "@": root, "server-only": path.join(root, "tests/support/server-only.ts") };
const secrets = { SESSION_SECRET: "test-session-secret-0123456789-abcdefghijklmnop", APP_URL: "http://localhost:3000", CRON_SECRET: "test-cron-secret-0123456789" };

const dbProject = (engine: "pglite" | "postgres", groupOrder: number) => ({
  resolve: { alias },
  test: {
    name: `db-${engine}`,
    include: ["tests/db/**/*.test.ts"],
    // The Supabase CLI check needs a PostgreSQL server.
    exclude: engine === "pglite" ? ["tests/db/supabase-cli.test.ts"] : [],
    environment: "node",
    // The tests stand in for one trusted proxy: X-Forwarded-For gives each scenario its own client address.
    env: { ...secrets, TEST_DB_ENGINE: engine, TRUSTED_PROXY_HOPS: "1" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks" as const,
    maxWorkers: 2,
    sequence: { groupOrder },
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", env: secrets },
      },
      dbProject("pglite", 1),
      ...(process.env.TEST_DATABASE_URL ? [dbProject("postgres", 2)] : []),
    ],
  },
});
