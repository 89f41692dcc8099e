import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { STAFF_ROLES } from "@/lib/auth/roles";

// A loading.tsx is a Suspense boundary: once its fallback streams, the status is 200, and a forbidden()
// below it renders the no-access page with that 200. So every role check must run in a layout at or
// above the nearest loading boundary; only checks a layout cannot make (they depend on the record) must
// have no loading boundary above them at all.

const APP = path.join(process.cwd(), "app");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "api" ? [] : pages(full);
    return name === "page.tsx" ? [full] : [];
  });
}

/** The roles a file's requireUser call admits (sorted), or null when it makes none. */
function requiredRoles(file: string): string[] | null {
  if (!existsSync(file)) return null;
  const match = /requireUser\(([^)]*)\)/.exec(readFileSync(file, "utf8"));
  if (!match) return null;
  const arg = match[1]!.trim();
  if (arg === "") return null;
  if (arg === "STAFF_ROLES") return [...STAFF_ROLES].sort();
  return [...arg.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]!).sort();
}

/** The page's directory and every directory above it, up to app/, outermost first. */
function segments(page: string): string[] {
  const out: string[] = [];
  for (let dir = path.dirname(page); dir.startsWith(APP); dir = path.dirname(dir)) out.unshift(dir);
  return out;
}

function problemsOf(page: string): string[] {
  const roles = requiredRoles(page);
  const recordCheck = /\bforbidden\(\)/.test(readFileSync(page, "utf8"));
  if (!roles && !recordCheck) return [];
  const chain = segments(page);
  const problems: string[] = [];
  chain.forEach((dir, i) => {
    if (!existsSync(path.join(dir, "loading.tsx"))) return;
    const where = path.relative(APP, path.join(dir, "loading.tsx"));
    if (recordCheck) problems.push(`${where} streams before the record check of ${path.relative(APP, page)}`);
    const covered = chain.slice(0, i + 1).some((d) => {
      const layoutRoles = requiredRoles(path.join(d, "layout.tsx"));
      return layoutRoles !== null && roles !== null && layoutRoles.every((r) => roles.includes(r));
    });
    if (roles && !covered) problems.push(`${where} streams before ${path.relative(APP, page)} checks ${roles.join(", ")}`);
  });
  return problems;
}

describe("wrong-role pages answer HTTP 403", () => {
  const all = pages(APP);

  test("the scan sees the role-restricted pages", () => {
    const restricted = all.filter((p) => requiredRoles(p) !== null);
    expect(restricted.length).toBeGreaterThan(30);
    expect(requiredRoles(path.join(APP, "(workspace)", "payouts", "page.tsx"))).toEqual(["finance", "vp"]);
  });

  test("no loading boundary sits between a page's role check and the response status", () => {
    expect(all.flatMap(problemsOf)).toEqual([]);
  });
});
