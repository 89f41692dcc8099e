import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { withSession } from "@/lib/db/session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";

vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  forbidden: () => {
    throw new Error("NEXT_FORBIDDEN");
  },
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
  useRouter: () => ({ push: () => {}, refresh: () => {} }),
}));

const { saveTeamTemplateAction, archiveTeamTemplateAction, restoreTeamTemplateAction } =
  await import("@/lib/templates/team-actions");
const {
  getTeamTemplateForEdit,
  getTeamTemplateVersionSource,
  getLibraryTemplateSource,
  STARTER_TEMPLATE_SOURCE,
} = await import("@/lib/templates/team-queries");
const { listTeamTemplates } = await import("@/lib/templates/library");
const { parseTemplate } = await import("@/lib/templates/parse");
const { renderToStaticMarkup } = await import("react-dom/server");
const { default: EditPage } = await import("@/app/(workspace)/templates/[slug]/edit/page");
const { default: NewPage } = await import("@/app/(workspace)/templates/new/page");

let db: TestDatabase;
let vp: f.TestUser;
let manager: f.TestUser;
let sales: f.TestUser;
let finance: f.TestUser;

const counts = async () =>
  (
    await db.conn.query<{ templates: number; versions: number }>(
      "select (select count(*)::int from public.templates) as templates, (select count(*)::int from public.template_versions) as versions",
    )
  )[0]!;
const titled = (title: string, source = STARTER_TEMPLATE_SOURCE) =>
  source.replace(/^title: .*$/m, `title: ${title}`);
const teamSlugs = async (user: f.TestUser) =>
  (await withSession({ claims: user.claims }, (tx) => listTeamTemplates(tx), db.conn)).map(
    (t) => `${t.slug}@${t.version}`,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Template Co')");
  vp = await f.createUser(db.conn, { role: "vp" });
  manager = await f.createUser(db.conn, { role: "partnership_manager", displayName: "Pat Manager" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  finance = await f.createUser(db.conn, { role: "finance" });
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

describe("starting points", () => {
  test("the starter and a copied library file pass the same checks as a library file", () => {
    expect(parseTemplate("team/00-new.md", STARTER_TEMPLATE_SOURCE).problems).toEqual([]);
    const nda = getLibraryTemplateSource("mutual-nda");
    expect(nda).toMatch(/^---\n/);
    expect(parseTemplate("team/00-new.md", nda!).problems).toEqual([]);
    expect(getLibraryTemplateSource("no-such-template")).toBeNull();
    expect(getLibraryTemplateSource("../README")).toBeNull();
  });
});

describe("a partnership manager writes a team template", () => {
  const source = titled("Partner Kickoff Pack");
  const edited = source.replace("## Next steps", "## Next steps and owners");

  test("create makes v1, an edit makes v2, saving the same source again makes nothing", async () => {
    await as(manager);
    const created = await saveTeamTemplateAction({ source });
    expect(created).toEqual({ ok: true, data: { slug: "partner-kickoff-pack", version: 1, changed: true } });

    const second = await saveTeamTemplateAction({ slug: "partner-kickoff-pack", source: edited });
    expect(second).toEqual({ ok: true, data: { slug: "partner-kickoff-pack", version: 2, changed: true } });
    const before = await counts();
    expect(await saveTeamTemplateAction({ slug: "partner-kickoff-pack", source: edited })).toEqual({
      ok: true,
      data: { slug: "partner-kickoff-pack", version: 2, changed: false },
    });
    expect(await counts()).toEqual(before);

    const [row] = await db.conn.query<{
      title: string;
      category: string;
      current_version: number;
      created_by: string;
    }>(
      "select title, category, current_version, created_by from public.templates where slug = 'partner-kickoff-pack'",
    );
    expect(row).toEqual({
      title: "Partner Kickoff Pack",
      category: "operations",
      current_version: 2,
      created_by: manager.id,
    });
    expect(await teamSlugs(manager)).toContain("partner-kickoff-pack@2");
  });

  test("the edit view has the current source and the history; old versions stay readable", async () => {
    const view = await withSession(
      { claims: manager.claims },
      (tx) => getTeamTemplateForEdit(tx, "partner-kickoff-pack"),
      db.conn,
    );
    expect(view).toMatchObject({
      slug: "partner-kickoff-pack",
      title: "Partner Kickoff Pack",
      currentVersion: 2,
      archivedAt: null,
      source: edited,
    });
    expect(view?.versions.map((v) => [v.version, v.authorName])).toEqual([
      [2, "Pat Manager"],
      [1, "Pat Manager"],
    ]);
    const v1 = await withSession(
      { claims: sales.claims },
      (tx) => getTeamTemplateVersionSource(tx, "partner-kickoff-pack", 1),
      db.conn,
    );
    expect(v1).toBe(source);
    expect(
      await withSession({ claims: vp.claims }, (tx) => getTeamTemplateForEdit(tx, "mutual-nda"), db.conn),
    ).toBeNull();
    expect(
      await withSession(
        { claims: vp.claims },
        (tx) => getTeamTemplateVersionSource(tx, "partner-kickoff-pack", 9),
        db.conn,
      ),
    ).toBeNull();
  });

  test("a VP may edit it too, and a retitle keeps the address", async () => {
    await as(vp);
    const result = await saveTeamTemplateAction({
      slug: "partner-kickoff-pack",
      source: titled("Kickoff Pack for New Partners", edited),
    });
    expect(result).toEqual({ ok: true, data: { slug: "partner-kickoff-pack", version: 3, changed: true } });
    const [row] = await db.conn.query<{ title: string }>(
      "select title from public.templates where slug = 'partner-kickoff-pack'",
    );
    expect(row?.title).toBe("Kickoff Pack for New Partners");
  });
});

describe("problems are refused with every field named, and nothing is written", () => {
  test.each([
    [
      "an unknown category",
      STARTER_TEMPLATE_SOURCE.replace("category: operations", "category: legl"),
      "category",
      "Invalid option",
    ],
    [
      "an undeclared variable",
      STARTER_TEMPLATE_SOURCE.replace("## Next steps", "## Next steps for {{undeclared}}"),
      "body",
      "{{undeclared}}",
    ],
    [
      "a related slug that exists nowhere",
      STARTER_TEMPLATE_SOURCE.replace(
        "phase: [onboard]",
        "phase: [onboard]\nrelated: [mutual-nda, no-such-doc]",
      ),
      "related",
      "no-such-doc",
    ],
    ["no frontmatter", "Just some words", "frontmatter", "frontmatter block"],
  ])("%s", async (_case, source, field, message) => {
    await as(manager);
    const before = await counts();
    const result = await saveTeamTemplateAction({ source });
    expect(result).toMatchObject({ ok: false, status: 422, error: "The template has problems" });
    const errors = result.ok ? {} : (result.fieldErrors ?? {});
    expect(errors[field]?.join(" ")).toContain(message);
    expect(await counts()).toEqual(before);
  });

  test("all problems are kept, several per field", async () => {
    await as(manager);
    const source = STARTER_TEMPLATE_SOURCE.replace(
      "## Why we are partnering",
      "# Big heading\n\nTBD {{undeclared}}\n\n## Why we are partnering",
    );
    const result = await saveTeamTemplateAction({ source });
    expect(result.ok).toBe(false);
    const body = result.ok ? [] : (result.fieldErrors?.body ?? []);
    expect(body.length).toBeGreaterThanOrEqual(3);
    expect(body.join(" | ")).toMatch(/undeclared.*level-1 heading.*TBD/);
  });

  test("an edit with problems leaves the current version alone", async () => {
    await as(manager);
    const before = await counts();
    const result = await saveTeamTemplateAction({
      slug: "partner-kickoff-pack",
      source: STARTER_TEMPLATE_SOURCE.replace("priority: medium", "priority: urgent"),
    });
    expect(result).toMatchObject({ ok: false, status: 422, fieldErrors: { priority: [expect.any(String)] } });
    expect(await counts()).toEqual(before);
  });

  test("a related team template counts as known", async () => {
    await as(manager);
    const source = titled(
      "Kickoff Follow Up",
      STARTER_TEMPLATE_SOURCE.replace(
        "phase: [onboard]",
        "phase: [onboard]\nrelated: [partner-kickoff-pack, mutual-nda]",
      ),
    );
    expect(await saveTeamTemplateAction({ source })).toMatchObject({
      ok: true,
      data: { slug: "kickoff-follow-up", version: 1 },
    });
  });
});

describe("saves at the same moment", () => {
  test("two creates with one title get two slugs; two edits get two versions", async () => {
    await as(manager);
    const source = titled("Joint Launch Plan");
    const created = await Promise.all([1, 2, 3, 4].map(() => saveTeamTemplateAction({ source })));
    expect(created.map((r) => (r.ok ? r.data.slug : r.error)).sort()).toEqual([
      "joint-launch-plan",
      "joint-launch-plan-2",
      "joint-launch-plan-3",
      "joint-launch-plan-4",
    ]);
    const edits = await Promise.all(
      ["## Owners", "## Named owners"].map((heading) =>
        saveTeamTemplateAction({
          slug: "joint-launch-plan",
          source: source.replace("## Who owns what", heading),
        }),
      ),
    );
    expect(edits.map((r) => (r.ok ? r.data.version : r.error)).sort()).toEqual([2, 3]);
    const [row] = await db.conn.query<{ current_version: number; versions: number }>(
      `select t.current_version, (select count(*)::int from public.template_versions v where v.template_id = t.id) as versions
       from public.templates t where t.slug = 'joint-launch-plan'`,
    );
    expect(row).toEqual({ current_version: 3, versions: 3 });
  });
});

describe("who may write", () => {
  test.each([
    ["a sales manager", () => sales],
    ["finance", () => finance],
  ])("%s gets 403 and nothing is written", async (_who, user) => {
    await as(user());
    const before = await counts();
    expect(await saveTeamTemplateAction({ source: titled("Sales Own Template") })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(
      await saveTeamTemplateAction({ slug: "partner-kickoff-pack", source: titled("Hijacked") }),
    ).toMatchObject({ ok: false, status: 403 });
    expect(await archiveTeamTemplateAction({ slug: "partner-kickoff-pack" })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await counts()).toEqual(before);
    const [row] = await db.conn.query<{ archived_at: Date | null }>(
      "select archived_at from public.templates where slug = 'partner-kickoff-pack'",
    );
    expect(row?.archived_at).toBeNull();
  });

  test("editing a library slug or an unknown one is a 404; a malformed slug is a 422", async () => {
    await as(manager);
    expect(
      await saveTeamTemplateAction({ slug: "mutual-nda", source: STARTER_TEMPLATE_SOURCE }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(
      await saveTeamTemplateAction({ slug: "nothing-here", source: STARTER_TEMPLATE_SOURCE }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await archiveTeamTemplateAction({ slug: "mutual-nda" })).toMatchObject({ ok: false, status: 404 });
    expect(await saveTeamTemplateAction({ slug: "../etc", source: STARTER_TEMPLATE_SOURCE })).toMatchObject({
      ok: false,
      status: 422,
    });
  });
});

describe("addresses and archiving", () => {
  test("a title that matches a library slug, or a team one, gets a distinct slug", async () => {
    await as(manager);
    const nda = titled("Mutual NDA", getLibraryTemplateSource("mutual-nda")!);
    expect(await saveTeamTemplateAction({ source: nda })).toMatchObject({
      ok: true,
      data: { slug: "mutual-nda-2", version: 1 },
    });
    expect(await saveTeamTemplateAction({ source: nda })).toMatchObject({
      ok: true,
      data: { slug: "mutual-nda-3", version: 1 },
    });
    expect(await saveTeamTemplateAction({ source: titled("Partner Kickoff Pack!") })).toMatchObject({
      ok: true,
      data: { slug: "partner-kickoff-pack-2" },
    });
  });

  test("archive hides a template from the team list, restore brings it back", async () => {
    await as(manager);
    expect(await archiveTeamTemplateAction({ slug: "mutual-nda-3" })).toEqual({
      ok: true,
      data: { slug: "mutual-nda-3", archived: true },
    });
    expect(await archiveTeamTemplateAction({ slug: "mutual-nda-3" })).toMatchObject({ ok: true });
    expect(await teamSlugs(manager)).not.toContain("mutual-nda-3@1");
    expect(await teamSlugs(manager)).toContain("mutual-nda-2@1");
    const all = await withSession(
      { claims: manager.claims },
      (tx) => listTeamTemplates(tx, { includeArchived: true }),
      db.conn,
    );
    expect(all.map((t) => t.slug)).toContain("mutual-nda-3");
    // An archived template keeps its slug: a new one with the same title does not take it.
    expect(
      await saveTeamTemplateAction({ source: titled("Mutual NDA", getLibraryTemplateSource("mutual-nda")!) }),
    ).toMatchObject({
      ok: true,
      data: { slug: "mutual-nda-4" },
    });

    await as(vp);
    expect(await restoreTeamTemplateAction({ slug: "mutual-nda-3" })).toEqual({
      ok: true,
      data: { slug: "mutual-nda-3", archived: false },
    });
    expect(await teamSlugs(vp)).toContain("mutual-nda-3@1");
  });
});

describe("the editor pages", () => {
  const edit = async (slug: string, version?: string) =>
    renderToStaticMarkup(
      await EditPage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({ version }) }),
    );
  const create = async (from?: string) =>
    renderToStaticMarkup(await NewPage({ searchParams: Promise.resolve({ from }) }));

  test("only authors reach them; library and unknown slugs are not found", async () => {
    await as(sales);
    await expect(edit("partner-kickoff-pack")).rejects.toThrow("NEXT_FORBIDDEN");
    await expect(create()).rejects.toThrow("NEXT_FORBIDDEN");
    await as(manager);
    await expect(edit("mutual-nda")).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(edit("nothing-here")).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(create("nothing-here")).rejects.toThrow("NEXT_NOT_FOUND");
  });

  test("the new page starts from the starter or a library copy", async () => {
    await as(manager);
    expect(await create()).toContain("title: Partner Kickoff Brief");
    expect(await create("mutual-nda")).toContain("title: NDA Template");
  });

  test("the edit page lists versions and marks a diff with +/− and words, not colour alone", async () => {
    await as(manager);
    const html = await edit("partner-kickoff-pack", "1");
    expect(html).toContain("Version history");
    expect(html).toContain("Pat Manager");
    expect(html).toMatch(/From version 1 to version 3: \d+ lines? added, \d+ lines? removed/);
    expect(html).toMatch(/<span class="sr-only">Added: <\/span><ins[^>]*>## Next steps and owners<\/ins>/);
    expect(html).toMatch(/<span class="sr-only">Removed: <\/span><del[^>]*>## Next steps<\/del>/);
    expect(html).toContain("Full source of version 1");
    expect(await edit("partner-kickoff-pack", "99")).toContain("There is no version 99");
  });
});
