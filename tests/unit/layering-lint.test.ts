import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, test, vi } from "vitest";

// Runs the project's own ESLint config on small fixture files, so the layering rules are proven to fire
// (and to allow what they should) without planting a violation in the tree.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

// Loading the Next.js config set takes seconds on a busy machine; pay it once, and give each file some slack.
beforeAll(() => eslint.lintText("", { filePath: "components/warm-up.tsx" }), 120_000);
vi.setConfig({ testTimeout: 30_000 });

const use = (spec: string) => `import * as m from "${spec}";\nexport const used = m;\n`;

describe("components never import the database layer", () => {
  test.each(["@/lib/db/session", "@/lib/db/schema", "@/lib/db/connection", "../../lib/db/session", "drizzle-orm"])("%s is an error", async (spec) => {
    const messages = await restricted("components/fixture/example.tsx", use(spec));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Components never import the database layer/);
  });

  test("a type-only import of the schema is an error too", async () => {
    const messages = await restricted("components/fixture/example.ts", 'import type { AppRole } from "@/lib/db/schema";\nexport type R = AppRole;\n');
    expect(messages).toHaveLength(1);
  });

  test.each(["@/lib/domain/enums", "@/lib/notifications/queries", "@/lib/commissions/engine", "@/components/ui/button"])("%s is allowed", async (spec) => {
    expect(await restricted("components/fixture/example.tsx", use(spec))).toEqual([]);
  });
});

describe("the commission engine imports nothing with I/O", () => {
  test.each([
    "@/lib/db/connection",
    "@/lib/auth/session",
    "@/lib/commission-records/persist",
    "next/cache",
    "server-only",
    "drizzle-orm",
    "postgres",
    "node:crypto",
    "@/lib/opportunities/queries",
    "@/lib/opportunities/csv",
    "../db/rows",
  ])("%s is an error", async (spec) => {
    // A specific rule and the allow-list may both report the same import; one is enough.
    expect((await restricted("lib/commissions/fixture.ts", use(spec))).length).toBeGreaterThan(0);
  });

  test.each(["./decimal", "@/lib/commissions/types", "@/lib/money", "@/lib/csv/parse"])("%s is allowed", async (spec) => {
    expect(await restricted("lib/commissions/fixture.ts", use(spec))).toEqual([]);
  });
});

describe("routes do not query inline", () => {
  test.each(["drizzle-orm", "@/lib/db/schema", "@/lib/db/rows"])("%s in a page is an error", async (spec) => {
    expect(await restricted("app/(workspace)/fixture/page.tsx", use(spec))).toHaveLength(1);
  });

  test("a page may open a session and call a lib query", async () => {
    const code = 'import { withSession } from "@/lib/db/session";\nimport { listPartners } from "@/lib/partners/queries";\nexport const used = [withSession, listPartners];\n';
    expect(await restricted("app/(workspace)/fixture/page.tsx", code)).toEqual([]);
  });
});
