import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { tryToParsePath } from "next/dist/lib/try-to-parse-path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { generateMetadata } from "@/app/layout";
import { config } from "@/proxy";
import { PATHS_WITHOUT_PROXY } from "@/lib/security/headers";

const root = join(import.meta.dirname, "../..");
const app = join(root, "app");

interface Rule {
  allow: boolean;
  prefix: string;
}

const rules: Rule[] = readFileSync(join(root, "public/robots.txt"), "utf8")
  .split("\n")
  .map((line) => /^(Allow|Disallow):\s*(\S+)/i.exec(line.trim()))
  .filter((match) => match !== null)
  .map(([, kind = "", prefix = ""]) => ({ allow: kind.toLowerCase() === "allow", prefix }));

/** Google's reading of robots.txt: the longest matching rule wins, Allow on a tie; no rule means allowed. */
function crawlable(path: string): boolean {
  const matching = rules.filter((rule) => path.startsWith(rule.prefix));
  if (matching.length === 0) return true;
  const longest = Math.max(...matching.map((rule) => rule.prefix.length));
  return matching.some((rule) => rule.allow && rule.prefix.length === longest);
}

const dirs = (path: string) => readdirSync(path).filter((name) => statSync(join(path, name)).isDirectory());

/** First URL segment of every route: route groups "(name)" are not part of the URL. */
function topLevelSegments(path = app): string[] {
  return dirs(path).flatMap((name) => (name.startsWith("(") ? topLevelSegments(join(path, name)) : [name]));
}

const isPublic = (segment: string) =>
  dirs(join(app, "(public)")).includes(segment) || ["login", "signup"].includes(segment);

describe("robots.txt", () => {
  test.each([
    "/portal",
    "/portal/earnings",
    "/api/health",
    "/s/some-token",
    "/r/abc123",
    "/dev/mailbox",
    "/dashboard",
    "/invite/x",
  ])("keeps crawlers out of %s", (path) => expect(crawlable(path)).toBe(false));

  test.each([
    "/program",
    "/welcome",
    "/welcome/acme",
    "/login",
    "/opengraph-image.png",
    "/logo.svg",
    "/robots.txt",
  ])("lets crawlers read %s", (path) => expect(crawlable(path)).toBe(true));

  test("names every top-level route, so a new page is a decision and not an accident", () => {
    const unnamed = topLevelSegments().filter(
      (segment) => !rules.some((rule) => rule.prefix.replace(/\/$/, "") === `/${segment}`),
    );
    expect(unnamed).toEqual([]);
    for (const segment of topLevelSegments())
      expect(crawlable(`/${segment}/x`), segment).toBe(isPublic(segment));
  });
});

describe("static brand files", () => {
  const files = [
    "app/favicon.ico",
    "app/icon.svg",
    "app/apple-icon.png",
    "app/opengraph-image.png",
    "app/opengraph-image.alt.txt",
    "public/logo.svg",
    "public/robots.txt",
  ];

  test.each(files)("%s exists", (file) => expect(existsSync(join(root, file))).toBe(true));

  test("the raster images have the sizes their consumers expect", () => {
    const size = (file: string) => {
      const png = readFileSync(join(root, file));
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size("app/opengraph-image.png")).toEqual([1200, 630]);
    expect(size("app/apple-icon.png")).toEqual([180, 180]);
    const ico = readFileSync(join(root, "app/favicon.ico"));
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 3]);
  });

  // A static file behind the proxy would get a session refresh and a nonce policy for nothing.
  const served = [
    ...files.filter((f) => f.startsWith("app/") && !f.endsWith(".txt")),
    ...readdirSync(join(root, "public")).map((f) => `public/${f}`),
  ].map((file) => `/${file.replace(/^(app|public)\//, "")}`);
  // Compiled the way Next compiles the proxy matcher (path-to-regexp), so the test sees what the server sees.
  const matchers = config.matcher.map((pattern) => new RegExp(tryToParsePath(pattern).regexStr!));

  test.each(served)("%s skips the proxy and gets the nonce-less policy from next.config", (path) => {
    expect(matchers.some((matcher) => matcher.test(path))).toBe(false);
    expect(PATHS_WITHOUT_PROXY).toContain(path);
  });

  test("pages, and malformed variants of the static names, still go through the proxy", () => {
    for (const path of ["/dashboard", "/login", "/portal/links", "/icons", "/logo.svg%zz", "/r/abc%zz"]) {
      expect(
        matchers.some((matcher) => matcher.test(path)),
        path,
      ).toBe(true);
    }
  });
});

describe("root metadata", () => {
  afterEach(() => vi.unstubAllEnvs());

  test("makes the Open Graph and icon links absolute from APP_URL and describes the product", () => {
    vi.stubEnv("APP_URL", "https://partners.example.com");
    const metadata = generateMetadata();
    expect(String(metadata.metadataBase)).toBe("https://partners.example.com/");
    expect(metadata.title).toEqual({ default: "PartnerOS", template: "%s · PartnerOS" });
    expect(metadata.description).toMatch(/partner-management platform/);
    expect(metadata.openGraph).toMatchObject({ type: "website", siteName: "PartnerOS" });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image" });
  });
});
