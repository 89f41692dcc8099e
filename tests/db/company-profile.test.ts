import { deflateSync, crc32 } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { runAsUser } from "@/lib/db/session";
import { LOGO_MAX_BYTES } from "@/lib/settings/company-schemas";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs } from "../support/next-session";

const { updateCompanyProfileAction } = await import("@/lib/settings/update-company-profile");
const { getCompanyProfile } = await import("@/lib/settings/company-queries");

let db: TestDatabase;
let users: Record<"vp" | "sales" | "finance" | "partnerships" | "partner", f.TestUser>;

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 1×1 RGBA PNG: signature, IHDR, one deflated scanline, IEND. */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const scanline = Buffer.from([0, 0x4f, 0x46, 0xe5, 0xff]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(scanline)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const JPEG_BYTES = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9,
]);
const GIF_BYTES = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString("base64")}`;
const oversizedPng = (size: number) => Buffer.concat([tinyPng(), Buffer.alloc(size - tinyPng().length)]);

const fullProfile = {
  companyName: "  Stratus Cloud  ",
  legalName: "Stratus Cloud Ltd",
  address: "1 Market Street\nLondon EC1 1AA",
  website: "https://stratus.example.com",
  contactEmail: "partners@stratus.example.com",
  signatoryName: "Val Vickers",
  signatoryTitle: "VP Partnerships",
  brandColor: "#1A2B3C",
  logo: dataUrl("image/png", tinyPng()),
};
const validBase = { companyName: "Changed Co", brandColor: "#000000" };

const readRow = async () =>
  (
    await db.conn.query<Record<string, unknown>>(
      `select company_name, legal_name, address, website, contact_email, signatory_name, signatory_title, brand_color,
              logo_base64, logo_type, updated_at from public.workspace_settings`,
    )
  )[0]!;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Stratus Test')");
  const partner = await f.createPartner(db.conn);
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    partnerships: await f.createUser(db.conn, { role: "partnership_manager" }),
    partner: await f.createUser(db.conn, { role: "partner", partnerId: partner.id }),
  };
});
beforeEach(async () => {
  await db.conn.query(
    `update public.workspace_settings set company_name = 'Stratus Test', legal_name = 'Stratus Test Ltd', address = null,
       website = 'https://before.example.com', contact_email = null, signatory_name = null, signatory_title = null,
       brand_color = '#4f46e5', logo_base64 = $1, logo_type = 'image/jpeg', updated_at = '2026-01-01T00:00:00Z'`,
    [JPEG_BYTES.toString("base64")],
  );
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

describe("the VP edits the company profile", () => {
  test("a full profile with a PNG logo is saved trimmed, normalised and readable by staff", async () => {
    await signInAs(users.vp);
    expect(await updateCompanyProfileAction(fullProfile)).toEqual({ ok: true, data: null });
    expect(await readRow()).toMatchObject({
      company_name: "Stratus Cloud",
      legal_name: "Stratus Cloud Ltd",
      address: "1 Market Street\nLondon EC1 1AA",
      website: "https://stratus.example.com",
      contact_email: "partners@stratus.example.com",
      signatory_name: "Val Vickers",
      signatory_title: "VP Partnerships",
      brand_color: "#1a2b3c",
      logo_base64: tinyPng().toString("base64"),
      logo_type: "image/png",
    });
    const profile = await runAsUser(db.conn, users.sales.claims, (tx) => getCompanyProfile(tx));
    expect(profile).toMatchObject({
      companyName: "Stratus Cloud",
      logo: { base64: tinyPng().toString("base64"), type: "image/png" },
    });
    expect(await runAsUser(db.conn, users.partner.claims, (tx) => getCompanyProfile(tx))).toBeNull();
  });

  test("no new file keeps the logo, emptied optional fields become null, and Remove logo clears it", async () => {
    await signInAs(users.vp);
    expect(await updateCompanyProfileAction({ ...validBase, legalName: "", website: "  " })).toMatchObject({
      ok: true,
    });
    expect(await readRow()).toMatchObject({
      company_name: "Changed Co",
      legal_name: null,
      website: null,
      logo_type: "image/jpeg",
    });
    expect(await updateCompanyProfileAction({ ...validBase, removeLogo: "on" })).toMatchObject({ ok: true });
    expect(await readRow()).toMatchObject({ logo_base64: null, logo_type: null });
  });

  test("the form's FormData (hidden data-URL field, checkbox-style remove flag) is accepted", async () => {
    await signInAs(users.vp);
    const form = new FormData();
    for (const [key, value] of Object.entries(fullProfile)) form.set(key, value);
    expect(await updateCompanyProfileAction(form)).toMatchObject({ ok: true });
    expect(await readRow()).toMatchObject({ company_name: "Stratus Cloud", logo_type: "image/png" });
  });
});

describe("bad input gets field errors and saves nothing", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty company name", { companyName: "   " }, "companyName", /Enter the company name/],
    ["a company name over 200 characters", { companyName: "x".repeat(201) }, "companyName", /200 characters/],
    ["a colour name", { brandColor: "red" }, "brandColor", /hex code/],
    ["a non-hex colour", { brandColor: "#12345g" }, "brandColor", /hex code/],
    ["a short hex colour", { brandColor: "#fff" }, "brandColor", /hex code/],
    ["an http:// website", { website: "http://stratus.example.com" }, "website", /https:\/\//],
    ["a javascript: website", { website: "javascript:alert(1)" }, "website", /https:\/\//],
    ["a website that is not an address", { website: "stratus" }, "website", /https:\/\//],
    ["a bad contact email", { contactEmail: "partners@" }, "contactEmail", /valid email/],
    [
      "a logo one byte over 256 KB",
      { logo: dataUrl("image/png", oversizedPng(LOGO_MAX_BYTES + 1)) },
      "logo",
      /256 KB/,
    ],
    ["a 1 MB logo", { logo: dataUrl("image/png", oversizedPng(1024 * 1024)) }, "logo", /256 KB/],
    ["a GIF named as a PNG", { logo: dataUrl("image/png", GIF_BYTES) }, "logo", /not one/],
    [
      "a text file named as a PNG",
      { logo: dataUrl("image/png", Buffer.from("hello, not an image")) },
      "logo",
      /not one/,
    ],
    ["a PNG named as a JPEG", { logo: dataUrl("image/jpeg", tinyPng()) }, "logo", /not one/],
    ["a GIF", { logo: dataUrl("image/gif", GIF_BYTES) }, "logo", /PNG or JPEG/],
    ["an empty file", { logo: "data:image/png;base64," }, "logo", /empty/],
    [
      "bytes that are not base64",
      { logo: "data:image/png;base64,@@not base64@@" },
      "logo",
      /could not be read/,
    ],
    ["a logo that is not a data URL", { logo: "logo.png" }, "logo", /PNG or JPEG/],
    ["a field the form does not have", { logoBase64: "abc" }, "logoBase64", /not a field/],
  ];

  test.each(cases)("%s", async (_name, override, field, message) => {
    await signInAs(users.vp);
    const before = await readRow();
    const result = await updateCompanyProfileAction({ ...fullProfile, ...override } as never);
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { [field]: [expect.stringMatching(message)] },
    });
    expect(await readRow()).toEqual(before);
  });

  test("every bad field is reported at once", async () => {
    await signInAs(users.vp);
    const before = await readRow();
    const result = await updateCompanyProfileAction({
      companyName: "",
      brandColor: "blue",
      website: "ftp://x.example.com",
      contactEmail: "x",
    });
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual([
      "brandColor",
      "companyName",
      "contactEmail",
      "website",
    ]);
    expect(await readRow()).toEqual(before);
  });
});

describe("only the VP may save", () => {
  test.each(["sales", "finance", "partnerships", "partner"] as const)(
    "%s gets 403 and nothing changes",
    async (who) => {
      await signInAs(users[who]);
      const before = await readRow();
      expect(await updateCompanyProfileAction(fullProfile)).toMatchObject({ ok: false, status: 403 });
      expect(await updateCompanyProfileAction({ ...validBase, removeLogo: "on" })).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await readRow()).toEqual(before);
    },
  );

  test("no session is a 401 and nothing changes", async () => {
    await signInAs(null);
    const before = await readRow();
    expect(await updateCompanyProfileAction(fullProfile)).toMatchObject({ ok: false, status: 401 });
    expect(await readRow()).toEqual(before);
  });
});
