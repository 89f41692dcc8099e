import { describe, expect, test } from "vitest";
import { malformedActionBody } from "@/lib/http/action-body";
import { readJsonInput } from "@/lib/http/problem";
import { findUnsafeText, hasUnsafeText, searchTextSchema, stripUnsafeText } from "@/lib/http/text";
import { malformedPath } from "@/lib/http/url";
import { directoryParamsSchema } from "@/lib/health/schemas";
import { parsePipelineParams } from "@/lib/opportunities/params";

describe("text Postgres cannot store", () => {
  test.each([
    ["a\u0000b", true],
    ["a\uD800b", true],
    ["a\uDC00b", true],
    ["\uDC00\uD800", true],
    ["emoji 😀 is a pair", false],
    ["plain", false],
  ])("%j unsafe: %s", (value, unsafe) => {
    expect(hasUnsafeText(value)).toBe(unsafe);
  });

  test("the first offending field is named by its path, keys included", () => {
    expect(findUnsafeText({ a: "ok", lines: [{ label: "ok" }, { label: "x\u0000" }] })).toBe("lines.1.label");
    expect(findUnsafeText({ ["k\u0000"]: "v" })).toBe("_form");
    expect(findUnsafeText("\uD800")).toBe("_form");
    expect(findUnsafeText({ n: 1, b: true, z: null, s: "😀" })).toBeNull();
  });

  test("nesting deeper than any form is refused rather than walked", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100; i += 1) deep = [deep];
    expect(findUnsafeText(deep)).not.toBeNull();
  });

  test("search text drops what cannot be stored, then trims and bounds", () => {
    expect(stripUnsafeText("a\u0000b\uD800c")).toBe("abc");
    expect(searchTextSchema(5).parse(" a\u0000b ")).toBe("ab");
    expect(searchTextSchema(5).safeParse("toolongtext").success).toBe(false);
  });

  test("/pipeline?q=%00 filters by the text without the NUL", () => {
    expect(parsePipelineParams({ q: "acme\u0000" }).q).toBe("acme");
    expect(parsePipelineParams({ q: "\u0000" }).q).toBe("");
  });

  test("/partners?q=%00 searches the directory without the NUL", () => {
    expect(directoryParamsSchema.parse({ q: "bright\u0000path" }).q).toBe("brightpath");
  });
});

describe("request boundaries", () => {
  test.each(["/partners/%E0%A4%A", "/r/%zz", "/s/%", "/api/cron/%ED%A0%80", "/s/a%00b"])("path %s is malformed", (path) => {
    expect(malformedPath(path)).not.toBeNull();
  });

  test.each(["/partners/9b1c", "/r/acme-2026", "/templates/caf%C3%A9", "/s/%F0%9F%98%80"])("path %s is fine", (path) => {
    expect(malformedPath(path)).toBeNull();
  });

  const action = (body: BodyInit, type?: string) =>
    new Request("http://localhost/pipeline", { method: "POST", headers: { "next-action": "7f00", ...(type ? { "content-type": type } : {}) }, body });

  test("a server-action body that is not a valid encoded reply is named before Next decodes it", async () => {
    expect(await malformedActionBody(action('{"a": ', "text/plain;charset=UTF-8"))).not.toBeNull();
    expect(await malformedActionBody(action('[{"title":"x"}]', "text/plain;charset=UTF-8"))).toBeNull();
    const form = new FormData();
    form.set("0", '["$K1", ');
    expect(await malformedActionBody(action(form))).not.toBeNull();
    form.set("0", '["$K1"]');
    expect(await malformedActionBody(action(form))).toBeNull();
    expect(await malformedActionBody(new Request("http://localhost/pipeline", { method: "POST", body: "{" }))).toBeNull();
  });

  test("a JSON body is 400 when not an object and 422 naming the field when it holds NUL", async () => {
    const read = (body: string) => readJsonInput(new Request("http://localhost/api/x", { method: "POST", body }));
    const notObject = await read("[1]");
    expect("problem" in notObject && notObject.problem.status).toBe(400);
    const nul = await read(JSON.stringify({ email: "a\u0000@b.example" }));
    expect("problem" in nul && nul.problem.status).toBe(422);
    if ("problem" in nul) expect((await nul.problem.json()).errors).toHaveProperty("email");
    expect(await read('{"email":"a@b.example"}')).toEqual({ body: { email: "a@b.example" } });
  });
});
