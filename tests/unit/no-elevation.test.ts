import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

// No request path changes role inside a user's transaction; privileged work is a security definer
// function or one of these named system jobs. Adding a job means adding it here, with its reason.
const NAMED_JOBS: Record<string, string> = {
  "auth.signup": "auth flow",
  "auth.verify": "auth flow",
  "auth.verify-resend": "auth flow",
  "auth.login": "auth flow",
  "auth.reset-request": "auth flow",
  "auth.reset": "auth flow",
  "auth.password-change": "auth flow",
  "auth.invite-read": "auth flow",
  "auth.invite-accept": "auth flow",
  "auth.session-start": "auth flow (a Supabase session's server-side record)",
  "auth.email-hook": "Supabase's Send Email Hook, signature-verified: our confirmation and recovery emails",
  "portal.apply-limit": "public application form (rate limit)",
  "portal.apply": "public application form",
  "referrals.create": "public referral form, rate limited and attributed",
  "referrals.clicks": "the /r/ group commit of clicks and burst tokens, and the spool replay",
  "referrals.click-achievements": "badges and XP after clicks commit (the nightly pass makes good a missed one)",
  "email.outbox": "email worker",
  "dev.mailbox": "local dev mailbox",
  "payouts.trigger": "payout transfers, outside any transaction",
  "payouts.resume": "scheduler",
  "payouts.schedule": "scheduler",
  "payouts.webhook": "Stripe webhook",
  "cron.pipeline-aggregates": "scheduler",
  "cron.partner-tiers": "scheduler",
  "training.sync": "scheduler and seed: course content of content/training into its tables",
  "cron.partner-health": "scheduler",
  "cron.prune-rate-limits": "scheduler",
  "tasks.rollover": "scheduler",
  "status.reminders": "scheduler",
  "alerts.evaluate": "scheduler",
  "alerts.digest": "scheduler",
  "alerts.refresh": "after a task change commits, and before a person's alert list is read",
  "portal.signup-application": "after a partner sign-up commits (confirmation, auto-approval)",
  "deals.after-change": "after a deal change commits, and its scheduled drain",
  "portal.onboarding-complete": "after the last onboarding step commits",
  "portal.approve-application": "after the reviewer's check commits",
  "commissions.override": "after the override check commits",
  "commissions.refund": "after the refund check commits",
  "payouts.create-batch": "after finance's check commits",
  "payouts.confirm-batch": "after finance's check commits",
  "payouts.cancel-batch": "after finance's check commits",
  "payouts.mark-paid": "after finance's check commits",
  "health.reweight": "after the VP's weights commit",
  "health.interaction": "after the logged interaction commits",
  "registrations.submitted": "after a partner's registration commits",
  "registrations.decided": "after the reviewer's decision commits",
  "instances.start": "server process registration (payout claims)",
  "instances.heartbeat": "server process heartbeat (payout claims)",
};

/** Where a job name is not a literal: the helpers themselves, and the scheduler's `cron.<job>` run records. */
const COMPUTED_NAME_FILES = new Set(["lib/db/session.ts", "lib/actions/safe-action.ts", "lib/jobs/registry.ts"]);
/** The only files under app/ that may start a system job themselves. */
const APP_FILES_WITH_JOBS = new Set(["app/dev/mailbox/page.tsx"]);
/** The one place that sets the role of a transaction. */
const ROLE_FILE = "lib/db/session.ts";
/** Besides it, only the seeders (run as the owner from the command line) mark their own job. */
const JOB_MARKER_FILES = new Set([ROLE_FILE, "lib/seed/demo.ts", "lib/seed/scale.ts"]);
/**
 * Moved off the old in-transaction elevation on a parallel change; each entry must still use it (so the
 * list empties itself as they land) and the list must be empty once they have.
 */
const ROOT = process.cwd();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}

const files = ["app", "components", "lib"].flatMap(sources).map((file) => ({ file, text: readFileSync(path.join(ROOT, file), "utf8") }));

const ROLE_SWITCH = /set_config\(\s*'role'|\bset\s+(local\s+|session\s+)?role\b|\breset\s+role\b/i;
const JOB_MARKER = /set_config\(\s*'app\.job'/;
const JOB_CALL = /\b(withSystem|runAfterCommit)\(\s*(?:tx\s*,\s*)?([^,\s)]+)/g;
const JOB_PROPERTY = /^\s*job:\s*("[^"]*"|'[^']*'|`[^`]*`|[A-Za-z_][\w.]*)/gm;

function jobNames(text: string): { call: string; name: string | null }[] {
  const found: { call: string; name: string | null }[] = [];
  for (const m of text.matchAll(JOB_CALL)) found.push({ call: m[1]!, name: literal(m[2]!) });
  if (text.includes("defineJobAction(")) for (const m of text.matchAll(JOB_PROPERTY)) found.push({ call: "defineJobAction", name: literal(m[1]!) });
  return found;
}

function literal(token: string): string | null {
  const m = /^(["'])([^"'`$]*)\1$/.exec(token);
  return m ? m[2]! : null;
}

describe("no elevation inside a user's transaction", () => {
  test("the scan sees the code it guards", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.file === ROLE_FILE)).toBe(true);
  });

  test("no file uses the in-transaction system step", () => {
    const offenders = files.filter((f) => /\bsystemStep\b/.test(f.text)).map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  test("only the session module switches the role, and only it and the seeders set the job marker", () => {
    const offenders = files.filter((f) => f.file !== ROLE_FILE && ROLE_SWITCH.test(f.text)).map((f) => f.file);
    expect(offenders).toEqual([]);
    const markers = files.filter((f) => !JOB_MARKER_FILES.has(f.file) && JOB_MARKER.test(f.text)).map((f) => f.file);
    expect(markers).toEqual([]);
  });

  test("every system job is one of the named jobs", () => {
    const unnamed: string[] = [];
    for (const { file, text } of files) {
      for (const { call, name } of jobNames(text)) {
        if (name === null ? !COMPUTED_NAME_FILES.has(file) : !Object.hasOwn(NAMED_JOBS, name)) unnamed.push(`${file}: ${call}(${name ?? "<computed>"})`);
      }
    }
    expect(unnamed).toEqual([]);
  });

  test("pages and route handlers under app/ start no system job, public pages included", () => {
    const offenders = files
      .filter((f) => f.file.startsWith("app/") && !APP_FILES_WITH_JOBS.has(f.file) && /\b(withSystem|runAfterCommit|defineJobAction)\(/.test(f.text))
      .map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  test("the guard itself catches what it forbids", () => {
    expect(ROLE_SWITCH.test("select set_config('role', 'none', true)")).toBe(true);
    expect(ROLE_SWITCH.test("await tx.execute(sql`set local role authenticated`)")).toBe(true);
    expect(ROLE_SWITCH.test("reset role")).toBe(true);
    expect(JOB_MARKER.test("select set_config('app.job', 'x', true)")).toBe(true);
    expect(jobNames('withSystem("portal.referred-deals", (tx) => x)')).toEqual([{ call: "withSystem", name: "portal.referred-deals" }]);
    expect(jobNames("withSystem(name, fn)")).toEqual([{ call: "withSystem", name: null }]);
    expect(jobNames('runAfterCommit(tx, "x.y", (sys) => z)')).toEqual([{ call: "runAfterCommit", name: "x.y" }]);
    expect(jobNames('defineJobAction({\n  job: "a.b",\n  run,\n})')).toEqual([{ call: "defineJobAction", name: "a.b" }]);
    expect(jobNames('defineJobAction({\n  job: SOME_NAME,\n})')).toEqual([{ call: "defineJobAction", name: null }]);
    expect(Object.hasOwn(NAMED_JOBS, "portal.referred-deals")).toBe(false);
  });
});
