import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { readRealtimeConfig, realtimeConfigProblem, transactionPoolerReason } from "@/lib/realtime/config";

const SUPABASE = {
  REALTIME_ADAPTER: "supabase",
  NEXT_PUBLIC_SUPABASE_URL: "https://abc.supabase.co/",
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_x",
  SUPABASE_JWT_SECRET: "a".repeat(40),
};

describe("the realtime adapter is chosen from the environment", () => {
  test("unset means the local LISTEN/NOTIFY adapter", () => {
    expect(readRealtimeConfig({})).toEqual({ adapter: "listen" });
  });
  test("Supabase Realtime takes the project URL (or SUPABASE_REALTIME_URL), the publishable key and the JWT secret", () => {
    expect(readRealtimeConfig(SUPABASE)).toEqual({
      adapter: "supabase",
      supabase: { url: "https://abc.supabase.co", key: "sb_publishable_x", jwtSecret: "a".repeat(40) },
    });
    expect(readRealtimeConfig({ ...SUPABASE, SUPABASE_REALTIME_URL: "http://127.0.0.1:4000" })).toMatchObject({ supabase: { url: "http://127.0.0.1:4000" } });
  });
  test.each([
    [{ ...SUPABASE, SUPABASE_JWT_SECRET: undefined }, /SUPABASE_JWT_SECRET is required/],
    [{ ...SUPABASE, SUPABASE_JWT_SECRET: "short" }, /at least 32/],
    [{ ...SUPABASE, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: undefined }, /PUBLISHABLE_KEY is required/],
    [{ ...SUPABASE, NEXT_PUBLIC_SUPABASE_URL: undefined }, /SUPABASE_REALTIME_URL/],
    [{ REALTIME_ADAPTER: "pusher" }, /REALTIME_ADAPTER must be listen or supabase/],
  ])("an incomplete configuration names what is missing (%#)", (env, message) => {
    expect(() => readRealtimeConfig(env)).toThrow(message);
    expect(realtimeConfigProblem(env)).toMatch(message);
  });
});

describe("LISTEN through a transaction pooler is refused", () => {
  test.each([
    [{ DATABASE_PREPARE: "false" }, /DATABASE_PREPARE=false/],
    [{ DATABASE_URL: "postgres://u:p@db.abc.supabase.co:6543/postgres" }, /port 6543/],
    [{ DATABASE_URL: "postgres://u:p@aws-0-eu-central-1.pooler.supabase.com:6544/postgres" }, /pooler host/],
    [{ DATABASE_URL: "postgres://u:p@bouncer.internal:5433/app?pgbouncer=true" }, /pgbouncer=true/],
  ])("%o", (env, reason) => {
    expect(transactionPoolerReason(env)).toMatch(reason);
    expect(realtimeConfigProblem(env)).toMatch(/Live updates cannot work: .*REALTIME_ADAPTER=supabase/);
    // With Supabase Realtime nothing LISTENs, so the pooler is fine.
    expect(realtimeConfigProblem({ ...env, ...SUPABASE })).toBeNull();
  });
  test.each([{}, { DATABASE_URL: "postgres://u:p@db.abc.supabase.co:5432/postgres" }, { DATABASE_URL: "postgres://u:p@aws-0-eu.pooler.supabase.com:5432/postgres" }])(
    "a direct or session-mode connection is fine: %o",
    (env) => {
      expect(realtimeConfigProblem(env)).toBeNull();
    },
  );
});

test("npm start refuses such a configuration with the message and a non-zero exit, before building anything", () => {
  const run = spawnSync("npx", ["tsx", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: "postgres://u:p@db.example.supabase.co:6543/postgres", DATABASE_PREPARE: "false", REALTIME_ADAPTER: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/PartnerOS cannot start: Live updates cannot work/);
});
