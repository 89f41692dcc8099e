import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// Folders of lib/ form a directed graph without loops: a domain may use another, never the other way
// back too. A loop is how "the engine" ends up depending on what it is called from.
const root = path.resolve(import.meta.dirname, "../..");
const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** lib folder a specifier points at, seen from `file` ("lib/<folder>/..."), or null outside lib/. */
function targetFolder(file: string, spec: string): string | null {
  let target: string;
  if (spec.startsWith("@/")) target = spec.slice(2);
  else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  else return null;
  const parts = target.split("/");
  return parts[0] === "lib" && parts.length > 2 ? parts[1]! : null;
}

function folderGraph(files: { file: string; text: string }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { file, text } of files) {
    const from = file.split("/")[1]!;
    if (file.split("/").length < 3) continue; // lib/<file>.ts at the top level is shared by all
    for (const match of text.matchAll(SPEC)) {
      const to = targetFolder(file, match[1]!);
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Strongly connected groups of more than one folder (Tarjan). */
function loops(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test("the checker finds a loop through three folders", () => {
  const files = [
    { file: "lib/a/x.ts", text: 'import { b } from "@/lib/b/y";' },
    { file: "lib/b/y.ts", text: 'import type { C } from "../c/z";' },
    { file: "lib/c/z.ts", text: 'const a = await import("@/lib/a/x");' },
    { file: "lib/d/w.ts", text: 'import { b } from "@/lib/b/y";' },
  ];
  expect(loops(folderGraph(files))).toEqual([["a", "b", "c"]]);
});

test("lib/ folders import each other without loops", () => {
  const files = sourceFiles("lib").map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));
  expect(files.length).toBeGreaterThan(100);
  expect(loops(folderGraph(files))).toEqual([]);
});

test("lib/ never imports components or routes", () => {
  const offenders = sourceFiles("lib").filter((file) => /["']@\/(components|app)\//.test(readFileSync(path.join(root, file), "utf8")));
  expect(offenders).toEqual([]);
});
