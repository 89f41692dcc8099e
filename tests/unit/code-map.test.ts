import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// The README's map of the code must name every folder, so a new folder cannot land without a line.
const root = path.resolve(import.meta.dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const map = readme.slice(readme.indexOf("### Map of the code"), readme.indexOf("## Tests"));

function folders(dir: string, depth: number): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return []; // an optional top-level folder (docs/) that does not exist yet
  }
  return entries
    // Dot folders (.temp, tool caches) are tool state, not code.
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .flatMap((e) => {
      const child = `${dir}/${e.name}`;
      return depth > 1 ? [child, ...folders(child, depth - 1)] : [child];
    });
}

// lib/ and components/ are listed to every depth; route folders below app/'s groups are not.
const expected = [
  ...["app", "tests", "scripts", "supabase", "docs", "content"].flatMap((d) => folders(d, 1)),
  ...["lib", "components"].flatMap((d) => folders(d, 5)),
];

test("the map of the code lists folders at all", () => {
  expect(expected.length).toBeGreaterThan(50);
});

test.each(expected)("%s is in the README's map of the code", (folder) => {
  expect(map).toContain(`${folder}/`);
});
